package org.loginservice.session;

import jakarta.validation.constraints.NotNull;

/**
 * A login, from a JSON body, a form body or the query string. Only presence is checked
 * here: rules for new names and passwords never lock out an existing account.
 *
 * @param username the account's name, in any case or width
 * @param password its password
 */
record LoginRequest(@NotNull(message = "is required") String username,
		@NotNull(message = "is required") String password) {

}
