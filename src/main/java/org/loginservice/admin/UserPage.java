package org.loginservice.admin;

import java.util.List;

/**
 * A page of accounts, newest first.
 *
 * @param users the accounts of this page
 * @param page this page's number, from 0
 * @param size the most accounts a page holds
 * @param total how many accounts match the query
 */
public record UserPage(List<UserSummary> users, int page, int size, long total) {

}
