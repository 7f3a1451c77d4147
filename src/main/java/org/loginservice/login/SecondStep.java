package org.loginservice.login;

import java.util.function.LongPredicate;

import org.loginservice.throttle.AccountThrottle;
import org.loginservice.throttle.AddressThrottle;
import org.loginservice.throttle.TooManyAttempts;
import org.loginservice.totp.TotpFactors;
import org.loginservice.user.AuthEvents;
import org.loginservice.user.User;
import org.loginservice.user.UserRepository;
import org.loginservice.user.Username;

import org.springframework.stereotype.Service;

/**
 * The second step of a login, for an account with a second factor: an {@code mfaToken}
 * from the first step, and a code from the authenticator or a recovery code.
 * <p>
 * A wrong code counts as a failed login, for the name's lockout and the address's limit,
 * and a right password does not forgive it (see {@link LoginService}): the 5 guesses of
 * an {@code mfaToken} cannot be renewed with the password, so guessing a code is as slow
 * as guessing a password.
 */
@Service
class SecondStep {

	private final PendingLogins pending;

	private final TotpFactors factors;

	private final UserRepository users;

	private final AccountThrottle accounts;

	private final AddressThrottle addresses;

	private final AuthEvents events;

	SecondStep(PendingLogins pending, TotpFactors factors, UserRepository users, AccountThrottle accounts,
			AddressThrottle addresses, AuthEvents events) {
		this.pending = pending;
		this.factors = factors;
		this.users = users;
		this.accounts = accounts;
		this.addresses = addresses;
		this.events = events;
	}

	/** Issues the {@code mfaToken} of a login whose password was right. */
	PendingLogins.Issued begin(User user) {
		return this.pending.start(user.getId());
	}

	/**
	 * Completes a login with a current code of the account's authenticator.
	 * @throws InvalidMfaToken if the token is not that of a live pending login
	 * @throws InvalidCode if the code is wrong or was used already
	 * @throws TooManyAttempts if the name is locked or the address failed too often
	 */
	User withCode(String mfaToken, String code, String address) {
		return complete(mfaToken, address, "success", (userId) -> this.factors.acceptCode(userId, code));
	}

	/**
	 * Completes a login with one of the account's recovery codes, as {@link #withCode}.
	 */
	User withRecoveryCode(String mfaToken, String code, String address) {
		return complete(mfaToken, address, "recovered", (userId) -> this.factors.acceptRecoveryCode(userId, code));
	}

	private User complete(String mfaToken, String address, String outcome, LongPredicate accepts) {
		this.addresses.checkLogin(address);
		PendingLogins.Pending login = this.pending.take(mfaToken).orElseThrow(InvalidMfaToken::new);
		User user = this.users.findById(login.userId()).orElseThrow(InvalidMfaToken::new);
		Username name = Username.of(user.getUsername());
		AccountThrottle.Attempt attempt;
		try {
			attempt = this.accounts.begin(name.canonical());
		}
		catch (TooManyAttempts ex) {
			this.pending.giveBack(login);
			this.events.login("throttled", name, address);
			throw ex;
		}
		if (accepts.test(user.getId())) {
			this.accounts.succeeded(attempt);
			this.events.login(outcome, name, address);
			return user;
		}
		this.accounts.failed(attempt);
		this.addresses.loginFailed(address);
		this.pending.wrongCode(login);
		this.events.login("wrong-code", name, address);
		throw new InvalidCode();
	}

}
