package org.loginservice.password;

/** Too many passwords are waiting to be hashed: the request is shed, to be retried. */
public class Overloaded extends RuntimeException {

	Overloaded() {
		super("The service is busy; try again in a moment", null, false, false);
	}

}
