package org.loginservice.user;

import jakarta.validation.constraints.NotNull;

/**
 * A registration, from a JSON body, a form body or the query string.
 *
 * @param username the name to register; trimmed and normalized (see {@link Username})
 * @param password the password; any Unicode but control characters, NFKC-normalized,
 * never truncated, and acceptable to the password policy
 * @param data what the user wants back at login; empty when left out
 * @param altcha a solved proof-of-work challenge, when the service asks for one
 */
@AcceptablePassword
record RegisterRequest(@NotNull(message = "is required") @ValidUsername String username,
		@NotNull(message = "is required") @NoControlCharacters String password,
		@MaxUtf8Bytes(User.MAX_DATA_BYTES) String data, String altcha) {

	RegisterRequest {
		data = (data != null) ? data : "";
	}

	/** Without the password, so that no log or debugger view ever shows it. */
	@Override
	public String toString() {
		return "RegisterRequest[username=" + this.username + "]";
	}

}
