package org.loginservice.user;

/**
 * An account as its owner sees it: never its password or hash.
 *
 * @param username the name as the user chose it
 * @param data the data the user stored
 */
public record UserResponse(String username, String data) {

	public static UserResponse of(User user) {
		return new UserResponse(user.getUsername(), user.getData());
	}

}
