package org.loginservice.session;

/**
 * The bearer token is missing, malformed, unknown, expired or revoked: which, is not
 * said.
 */
public class InvalidToken extends RuntimeException {

	public InvalidToken() {
		super("A valid bearer token is required: log in to get one", null, false, false);
	}

}
