package org.loginservice.user;

/** The name, or one equal to it after normalization, already has an account. */
public class UsernameTaken extends RuntimeException {

	UsernameTaken(Username username) {
		super("The username '" + username.display() + "' is already taken");
	}

}
