package org.loginservice.user;

/**
 * The username or the password is wrong. Deliberately says neither: which one would tell
 * an attacker whether the account exists.
 */
public class InvalidCredentials extends RuntimeException {

	public InvalidCredentials() {
		super("The username or password is incorrect", null, false, false);
	}

}
