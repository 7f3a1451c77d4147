package org.loginservice.login;

import jakarta.validation.constraints.NotNull;
import org.loginservice.user.NoControlCharacters;

/**
 * A login, from a JSON body, a form body or the query string. Only presence and
 * well-formedness are checked here: rules for new names and passwords never lock out an
 * existing account.
 *
 * @param username the account's name, in any case or width
 * @param password its password
 * @param altcha a solved proof-of-work challenge, when the service asks for one
 */
record LoginRequest(@NotNull(message = "is required") String username,
		@NotNull(message = "is required") @NoControlCharacters String password, String altcha) {

	/** Without the password, so that no log or debugger view ever shows it. */
	@Override
	public String toString() {
		return "LoginRequest[username=" + this.username + "]";
	}

}
