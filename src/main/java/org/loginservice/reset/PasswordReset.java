package org.loginservice.reset;

import java.util.Optional;

import org.loginservice.login.LoginService;
import org.loginservice.password.HashingPool;
import org.loginservice.password.PasswordHasher;
import org.loginservice.session.SessionService;
import org.loginservice.throttle.AccountThrottle;
import org.loginservice.throttle.AddressThrottle;
import org.loginservice.user.AuthEvents;
import org.loginservice.user.User;
import org.loginservice.user.UserRepository;
import org.loginservice.user.UserService;
import org.loginservice.user.Username;

import org.springframework.stereotype.Service;

/**
 * Sets a new password with a reset code an operator issued. The new password is hashed
 * before the code is looked at, so a wrong code costs the same work as a right one; a
 * wrong code counts as a failed login of the name and of the address. A right one ends
 * every session and every login waiting for its second step; a second factor stays on.
 */
@Service
class PasswordReset {

	private final UserRepository users;

	private final UserService accounts;

	private final ResetCodes codes;

	private final PasswordHasher passwords;

	private final HashingPool hashing;

	private final AccountThrottle lockouts;

	private final AddressThrottle addresses;

	private final SessionService sessions;

	private final LoginService logins;

	private final AuthEvents events;

	PasswordReset(UserRepository users, UserService accounts, ResetCodes codes, PasswordHasher passwords,
			HashingPool hashing, AccountThrottle lockouts, AddressThrottle addresses, SessionService sessions,
			LoginService logins, AuthEvents events) {
		this.users = users;
		this.accounts = accounts;
		this.codes = codes;
		this.passwords = passwords;
		this.hashing = hashing;
		this.lockouts = lockouts;
		this.addresses = addresses;
		this.sessions = sessions;
		this.logins = logins;
		this.events = events;
	}

	/**
	 * @throws org.loginservice.user.WeakPassword if the new password breaks the policy
	 * @throws org.loginservice.throttle.TooManyAttempts if the name is locked or the
	 * address failed too often
	 * @throws InvalidResetCode if the code is not the account's live one
	 */
	void reset(String username, String resetCode, String newPassword, String address) {
		this.accounts.checkNewPassword("newPassword", username, newPassword);
		Username name = Username.of(username);
		this.addresses.checkLogin(address);
		boolean nameFits = name.display().codePointCount(0, name.display().length()) <= Username.MAX_LENGTH;
		AccountThrottle.Attempt attempt = nameFits ? this.lockouts.begin(name.canonical()) : null;
		String hash;
		try (HashingPool.Admission admission = this.hashing.admit()) {
			hash = admission.run(this.passwords.hashing(newPassword));
		}
		catch (RuntimeException ex) {
			if (attempt != null) {
				this.lockouts.abandoned(attempt);
			}
			throw ex;
		}
		Optional<User> user = nameFits ? this.users.findByCanonicalUsername(name.canonical()) : Optional.empty();
		if (user.isEmpty() || !this.codes.take(user.get().getId(), resetCode)) {
			if (attempt != null) {
				this.lockouts.failed(attempt);
			}
			this.addresses.loginFailed(address);
			this.events.passwordReset("refused", username, address);
			throw new InvalidResetCode();
		}
		long userId = user.get().getId();
		this.users.updatePasswordHash(userId, hash);
		this.lockouts.succeeded(attempt);
		this.sessions.revokeAll(userId);
		this.logins.endPendingLogins(userId);
		this.events.passwordReset("reset", username, address);
	}

}
