package org.loginservice.reset;

/**
 * A password reset is refused: the code is wrong, used, expired or another account's, or
 * there is no such account. The answer is the same whatever the reason.
 */
public class InvalidResetCode extends RuntimeException {

	InvalidResetCode() {
		super("The reset code is wrong, used or expired, or not this account's: ask the operator for a new one.");
	}

}
