package org.loginservice.account;

import java.util.List;

import org.loginservice.login.LoginService;
import org.loginservice.session.Authenticated;
import org.loginservice.session.InvalidToken;
import org.loginservice.session.SessionService;
import org.loginservice.throttle.AccountThrottle;
import org.loginservice.totp.TotpEnrolment;
import org.loginservice.totp.TotpFactors;
import org.loginservice.totp.WrongCode;
import org.loginservice.user.InvalidCredentials;
import org.loginservice.user.User;
import org.loginservice.user.UserResponse;
import org.loginservice.user.UserService;
import org.loginservice.user.Username;

import org.springframework.stereotype.Service;

/**
 * What a logged-in user may do to their own account. Changing the password, deleting the
 * account and changing its second factor ask for the password again, checked as a login
 * is: a wrong one counts towards the name's lockout, so a stolen token cannot be used to
 * guess it.
 */
@Service
class AccountService {

	private final LoginService logins;

	private final UserService users;

	private final SessionService sessions;

	private final TotpFactors factors;

	private final AccountThrottle lockouts;

	AccountService(LoginService logins, UserService users, SessionService sessions, TotpFactors factors,
			AccountThrottle lockouts) {
		this.logins = logins;
		this.users = users;
		this.sessions = sessions;
		this.factors = factors;
		this.lockouts = lockouts;
	}

	UserResponse read(Authenticated caller) {
		return withFactors(caller.userId(), caller.username(), caller.data());
	}

	UserResponse changeData(Authenticated caller, String data) {
		User user = this.users.changeData(caller.userId(), data).orElseThrow(InvalidToken::new);
		return withFactors(user.getId(), user.getUsername(), user.getData());
	}

	/**
	 * Sets a new password and ends every other session of the user, and every login
	 * waiting for its second step.
	 */
	void changePassword(Authenticated caller, String currentPassword, String newPassword, String address) {
		this.users.checkNewPassword("newPassword", caller.username(), newPassword);
		User user = confirm(caller, currentPassword, address);
		this.users.changePassword(user, newPassword);
		this.sessions.revokeOthers(caller);
		this.logins.endPendingLogins(user.getId());
	}

	/** Deletes the account; its sessions go with it, and its name is free again. */
	void delete(Authenticated caller, String password, String address) {
		this.users.delete(confirm(caller, password, address));
	}

	/**
	 * Starts enrolling an authenticator; the password is asked again, as for a change.
	 */
	TotpEnrolment enrolTotp(Authenticated caller, String password, String address) {
		return this.factors.enrol(confirm(caller, password, address).getId(), caller.username());
	}

	List<String> confirmTotp(Authenticated caller, String code) {
		List<String> recoveryCodes = this.factors.confirm(caller.userId(), code);
		this.logins.endPendingLogins(caller.userId());
		return recoveryCodes;
	}

	/**
	 * Turns the second factor off. A wrong code counts towards the name's lockout, as at
	 * login: a stolen token and password cannot be used to guess codes here either.
	 */
	void disableTotp(Authenticated caller, String password, String code, String address) {
		User user = confirm(caller, password, address);
		AccountThrottle.Attempt attempt = this.lockouts.begin(Username.of(user.getUsername()).canonical());
		try {
			this.factors.disable(user.getId(), code);
		}
		catch (WrongCode ex) {
			this.lockouts.failed(attempt);
			throw ex;
		}
		this.lockouts.abandoned(attempt);
		this.logins.endPendingLogins(user.getId());
	}

	List<String> newRecoveryCodes(Authenticated caller, String password, String address) {
		return this.factors.newRecoveryCodes(confirm(caller, password, address).getId());
	}

	private UserResponse withFactors(long userId, String username, String data) {
		TotpFactors.Status factors = this.factors.status(userId);
		return new UserResponse(username, data, factors.totp(), factors.recoveryCodesLeft());
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
