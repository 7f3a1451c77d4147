package org.loginservice.passkey;

/**
 * A passkey cannot be added: its challenge is unknown, used, expired or another
 * account's, or the authenticator's answer does not check out.
 */
public class PasskeyRefused extends RuntimeException {

	PasskeyRefused(String message) {
		super(message);
	}

}
