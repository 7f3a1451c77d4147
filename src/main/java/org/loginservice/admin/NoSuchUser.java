package org.loginservice.admin;

/** No account has that name. */
public class NoSuchUser extends RuntimeException {

	NoSuchUser() {
		super("No account has that name.");
	}

}
