package org.loginservice.totp;

/** An authenticator is already on: turn it off first. */
public class TotpEnabled extends RuntimeException {

	TotpEnabled() {
		super("An authenticator is already on: turn it off first.");
	}

}
