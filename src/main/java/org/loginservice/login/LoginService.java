package org.loginservice.login;

import java.util.Optional;

import org.loginservice.challenge.ChallengeRequired;
import org.loginservice.challenge.Challenges;
import org.loginservice.challenge.LoginFailures;
import org.loginservice.password.HashingPool;
import org.loginservice.password.Overloaded;
import org.loginservice.password.PasswordHasher;
import org.loginservice.throttle.AccountThrottle;
import org.loginservice.throttle.AddressThrottle;
import org.loginservice.throttle.TooManyAttempts;
import org.loginservice.totp.TotpFactors;
import org.loginservice.user.AuthEvents;
import org.loginservice.user.InvalidCredentials;
import org.loginservice.user.User;
import org.loginservice.user.UserRepository;
import org.loginservice.user.Username;

import org.springframework.stereotype.Service;

/**
 * Checks logins, so that an attacker learns nothing but "no": an unknown name, a wrong
 * password and an over-long password cost the same work and get the same answer, and a
 * locked name answers the same whether it exists or not. Once a name or an address has
 * failed often, a login also needs a solved challenge, checked before the password. For
 * an account with a second factor, a right password leads to {@link SecondStep}.
 */
@Service
public class LoginService implements LoginFailures {

	private final UserRepository users;

	private final PasswordHasher passwords;

	private final HashingPool hashing;

	private final AccountThrottle accounts;

	private final AddressThrottle addresses;

	private final Challenges challenges;

	private final TotpFactors factors;

	private final PendingLogins pending;

	private final AuthEvents events;

	LoginService(UserRepository users, PasswordHasher passwords, HashingPool hashing, AccountThrottle accounts,
			AddressThrottle addresses, Challenges challenges, TotpFactors factors, PendingLogins pending,
			AuthEvents events) {
		this.users = users;
		this.passwords = passwords;
		this.hashing = hashing;
		this.accounts = accounts;
		this.addresses = addresses;
		this.challenges = challenges;
		this.factors = factors;
		this.pending = pending;
		this.events = events;
	}

	/**
	 * Checks a username and password from a client address.
	 * @param solution the field {@code altcha}: a solved challenge, needed once the name
	 * or the address has failed often
	 * @return the account, and whether a second step must follow before it is logged in
	 * @throws InvalidCredentials if there is no such account or the password is wrong
	 * @throws TooManyAttempts if the name is locked or the address failed too often
	 * @throws ChallengeRequired if a solved challenge is needed and there is no good one
	 * @throws Overloaded if hashing is saturated
	 */
	Checked login(String username, String password, String solution, String address) {
		return check(username, password, solution, address, true);
	}

	/**
	 * Checks the password of someone already logged in, who asks to change their account:
	 * as a login, but never asking for a challenge, since the bearer token is the proof.
	 */
	public User reauthenticate(String username, String password, String address) {
		return check(username, password, null, address, false).user();
	}

	/**
	 * Ends the account's logins that wait for their second step: after a change of
	 * password or of second factor, a password or a code from before it must not finish
	 * one.
	 */
	public void endPendingLogins(long userId) {
		this.pending.endAll(userId);
	}

	@Override
	public int of(String username) {
		Username name = Username.of(username);
		return longerThanAnyName(name) ? 0 : this.accounts.failures(name.canonical());
	}

	/**
	 * The address, the name's lockout and the challenge are checked before the request is
	 * admitted to the hashing pool: a request without a good solution never holds a place
	 * there, so a flood of them cannot shed anyone's login.
	 */
	private Checked check(String username, String password, String solution, String address, boolean challenged) {
		Username name = Username.of(username);
		int addressFailures = checkAddress(name, address);
		if (longerThanAnyName(name)) {
			// No account has it, and no lockout row can hold it: the work and the answer
			// of an unknown name, counted against the address alone.
			if (challenged) {
				challenge(name, username, addressFailures, solution, address);
			}
			try (HashingPool.Admission hashing = this.hashing.admit()) {
				hashing.run(this.passwords.checkingNothing(password));
			}
			catch (Overloaded ex) {
				this.events.login("shed", name, address);
				throw ex;
			}
			throw failed(name, address);
		}
		AccountThrottle.Attempt attempt = begin(name, address);
		if (challenged) {
			try {
				challenge(name, username, Math.max(addressFailures, attempt.failuresBefore()), solution, address);
			}
			catch (ChallengeRequired ex) {
				this.accounts.abandoned(attempt);
				throw ex;
			}
		}
		try (HashingPool.Admission hashing = this.hashing.admit()) {
			Optional<User> user = Optional.empty();
			boolean matches;
			if (PasswordHasher.overLimit(password)) {
				// No account has a password over the limit: refused before any lookup.
				matches = hashing.run(this.passwords.checkingNothing(password));
			}
			else {
				user = this.users.findByCanonicalUsername(name.canonical());
				matches = hashing.run(user.map((found) -> this.passwords.checking(password, found.getPasswordHash()))
					.orElseGet(() -> this.passwords.checkingNothing(password)));
			}
			if (user.isEmpty() || !matches) {
				this.accounts.failed(attempt);
				throw failed(name, address);
			}
			boolean secondFactor = this.factors.enabled(user.get().getId());
			if (secondFactor) {
				// Neither a success nor a failure: wrong codes counted since the last
				// right
				// code stay counted, so a right password never buys more guesses of one.
				this.accounts.abandoned(attempt);
			}
			else {
				this.accounts.succeeded(attempt);
			}
			boolean secondStep = secondFactor && challenged;
			this.events.login(secondStep ? "second-factor" : "success", name, address);
			return new Checked(upgraded(user.get(), password, hashing), secondStep);
		}
		catch (Overloaded ex) {
			// The password was never checked: the attempt is given back.
			this.accounts.abandoned(attempt);
			this.events.login("shed", name, address);
			throw ex;
		}
	}

	private AccountThrottle.Attempt begin(Username name, String address) {
		try {
			return this.accounts.begin(name.canonical());
		}
		catch (TooManyAttempts ex) {
			this.events.login("throttled", name, address);
			throw ex;
		}
	}

	private void challenge(Username name, String username, int failures, String solution, String address) {
		try {
			this.challenges.checkLogin(failures, username, solution, address);
		}
		catch (ChallengeRequired ex) {
			this.events.login("challenged", name, address);
			throw ex;
		}
	}

	private int checkAddress(Username name, String address) {
		try {
			return this.addresses.checkLogin(address);
		}
		catch (TooManyAttempts ex) {
			this.events.login("throttled", name, address);
			throw ex;
		}
	}

	private InvalidCredentials failed(Username name, String address) {
		this.addresses.loginFailed(address);
		this.events.login("failure", name, address);
		return new InvalidCredentials();
	}

	private static boolean longerThanAnyName(Username name) {
		return name.display().codePointCount(0, name.display().length()) > Username.MAX_LENGTH;
	}

	/**
	 * Re-hashes the password when the configured cost has changed since it was hashed.
	 * Skipped when hashing is saturated: the next login will do it.
	 */
	private User upgraded(User user, String password, HashingPool.Admission hashing) {
		if (!this.passwords.upgradeEncoding(user.getPasswordHash())) {
			return user;
		}
		try {
			String hash = hashing.run(this.passwords.hashing(password));
			this.users.updatePasswordHash(user.getId(), hash);
			user.changePasswordHash(hash);
			return user;
		}
		catch (Overloaded ex) {
			return user;
		}
	}

	/**
	 * A right password.
	 *
	 * @param user the account
	 * @param secondStep whether the account's second factor must follow
	 */
	record Checked(User user, boolean secondStep) {

	}

}
