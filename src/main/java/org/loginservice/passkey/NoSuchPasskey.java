package org.loginservice.passkey;

/** The account has no passkey with that id. */
public class NoSuchPasskey extends RuntimeException {

	NoSuchPasskey() {
		super("This account has no passkey with that id.");
	}

}
