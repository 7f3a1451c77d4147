package org.loginservice.user;

/**
 * An account as its owner sees it: never its password or hash.
 *
 * @param username the name as the user chose it
 * @param data the data the user stored
 */
record UserResponse(String username, String data) {

	static UserResponse of(User user) {
		return new UserResponse(user.getUsername(), user.getData());
	}

}
