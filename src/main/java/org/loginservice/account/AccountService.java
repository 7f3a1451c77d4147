package org.loginservice.account;

import org.loginservice.session.Authenticated;
import org.loginservice.session.InvalidToken;
import org.loginservice.session.SessionService;
import org.loginservice.user.InvalidCredentials;
import org.loginservice.login.LoginService;
import org.loginservice.user.User;
import org.loginservice.user.UserResponse;
import org.loginservice.user.UserService;

import org.springframework.stereotype.Service;

/**
 * What a logged-in user may do to their own account. Changing the password and deleting
 * the account ask for the password again, checked as a login is: a wrong one counts
 * towards the name's lockout, so a stolen token cannot be used to guess it.
 */
@Service
class AccountService {

	private final LoginService logins;

	private final UserService users;

	private final SessionService sessions;

	AccountService(LoginService logins, UserService users, SessionService sessions) {
		this.logins = logins;
		this.users = users;
		this.sessions = sessions;
	}

	UserResponse changeData(Authenticated caller, String data) {
		return this.users.changeData(caller.userId(), data).map(UserResponse::of).orElseThrow(InvalidToken::new);
	}

	/** Sets a new password and ends every other session of the user. */
	void changePassword(Authenticated caller, String currentPassword, String newPassword, String address) {
		this.users.checkNewPassword("newPassword", caller.username(), newPassword);
		User user = confirm(caller, currentPassword, address);
		this.users.changePassword(user, newPassword);
		this.sessions.revokeOthers(caller);
	}

	/** Deletes the account; its sessions go with it, and its name is free again. */
	void delete(Authenticated caller, String password, String address) {
		this.users.delete(confirm(caller, password, address));
	}

	private User confirm(Authenticated caller, String password, String address) {
		User user;
		try {
			user = this.logins.reauthenticate(caller.username(), password, address);
		}
		catch (InvalidCredentials ex) {
			throw new WrongPassword();
		}
		if (user.getId() != caller.userId()) {
			throw new InvalidToken();
		}
		return user;
	}

}
