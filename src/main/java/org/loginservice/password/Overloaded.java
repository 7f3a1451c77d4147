package org.loginservice.password;

/**
 * Too much costly work is waiting (passwords to hash, challenges to issue): the request
 * is shed, to be retried.
 */
public class Overloaded extends RuntimeException {

	public Overloaded() {
		super("The service is busy; try again in a moment", null, false, false);
	}

}
