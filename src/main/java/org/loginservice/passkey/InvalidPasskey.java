package org.loginservice.passkey;

/**
 * A passkey login is refused. The answer is the same whatever the reason (an unknown
 * passkey, a used or expired challenge, a wrong signature or origin), so a caller learns
 * nothing about which passkeys exist.
 */
public class InvalidPasskey extends RuntimeException {

	public InvalidPasskey() {
		super("The passkey was not accepted: ask for new options and try again.");
	}

}
