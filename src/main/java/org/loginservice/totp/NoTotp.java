package org.loginservice.totp;

/** No authenticator is on, or being enrolled. */
public class NoTotp extends RuntimeException {

	NoTotp() {
		super("No authenticator is on, or being enrolled.");
	}

}
