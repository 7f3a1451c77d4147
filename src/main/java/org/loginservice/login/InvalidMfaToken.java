package org.loginservice.login;

/**
 * The {@code mfaToken} is unknown, expired, used, or dead after too many wrong codes: the
 * login starts again with the password.
 */
public class InvalidMfaToken extends RuntimeException {

	InvalidMfaToken() {
		super("The mfaToken is unknown, expired, used, or dead after 5 wrong codes: log in again.");
	}

}
