package org.loginservice.session;

/**
 * The caller of a request that carried a live bearer token.
 *
 * @param sessionId the session the token belongs to
 * @param userId the account
 * @param username the account's name, as shown
 * @param data the account's data when the request arrived
 */
public record Authenticated(long sessionId, long userId, String username, String data) {

}
