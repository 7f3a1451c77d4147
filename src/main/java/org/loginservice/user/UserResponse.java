package org.loginservice.user;

/**
 * An account as its owner sees it: never its password or hash, nor its factors' secrets.
 *
 * @param username the name as the user chose it
 * @param data the data the user stored
 * @param totp whether logins need a code from an authenticator too
 * @param recoveryCodesLeft how many of its recovery codes are unused
 */
public record UserResponse(String username, String data, boolean totp, int recoveryCodesLeft) {

	/** A new account, which has no second factor yet. */
	public static UserResponse of(User user) {
		return new UserResponse(user.getUsername(), user.getData(), false, 0);
	}

}
