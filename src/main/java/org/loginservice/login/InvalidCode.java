package org.loginservice.login;

/** The code of a login's second step is wrong, or was used already. */
public class InvalidCode extends RuntimeException {

	InvalidCode() {
		super("The code is wrong, or was used already.");
	}

}
