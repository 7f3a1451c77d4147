package org.loginservice.account;

/**
 * The password given to confirm a change to the account is wrong. The caller is logged
 * in, so this is 403, not 401: the token is still good.
 */
public class WrongPassword extends RuntimeException {

	WrongPassword() {
		super("The password is incorrect", null, false, false);
	}

}
