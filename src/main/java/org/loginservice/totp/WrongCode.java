package org.loginservice.totp;

/** The code is wrong, or was used already. */
public class WrongCode extends RuntimeException {

	WrongCode() {
		super("The code is wrong, or was used already.");
	}

}
