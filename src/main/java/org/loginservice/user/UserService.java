package org.loginservice.user;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.loginservice.challenge.ChallengeRequired;
import org.loginservice.challenge.Challenges;
import org.loginservice.password.HashingPool;
import org.loginservice.password.Overloaded;
import org.loginservice.password.PasswordHasher;
import org.loginservice.password.PasswordPolicy;
import org.loginservice.throttle.AddressThrottle;
import org.loginservice.throttle.TooManyAttempts;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers accounts and changes them.
 * <p>
 * Hashing takes a large fraction of a second on purpose, so it runs outside any
 * transaction, on the {@link HashingPool}: a database connection is held only for the
 * short lookup or insert.
 */
@Service
public class UserService {

	private final UserRepository users;

	private final PasswordHasher passwords;

	private final HashingPool hashing;

	private final AddressThrottle addresses;

	private final Challenges challenges;

	private final PasswordPolicy policy;

	private final AuthEvents events;

	private final Clock clock;

	/**
	 * Skeletons of the names being registered by this instance right now. A second
	 * registration of one of them, or of a name that looks like it, is answered 409 at
	 * once, rather than queued for hashing and perhaps shed.
	 */
	private final Set<String> registering = ConcurrentHashMap.newKeySet();

	UserService(UserRepository users, PasswordHasher passwords, HashingPool hashing, AddressThrottle addresses,
			Challenges challenges, PasswordPolicy policy, AuthEvents events, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.hashing = hashing;
		this.addresses = addresses;
		this.challenges = challenges;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates an account. The challenge, if one is needed, and the name are checked
	 * before the expensive hash, and the unique index settles a race between instances.
	 * @param solution the field {@code altcha}: a solved challenge, needed once the
	 * address has registered often or the service is under a surge
	 * @throws ChallengeRequired if a solved challenge is needed and there is no good one
	 * @throws UsernameTaken if the name, after normalization, or one that looks like it
	 * has an account
	 * @throws org.loginservice.throttle.TooManyAttempts if the address made too many
	 * accounts
	 * @throws org.loginservice.password.Overloaded if hashing is saturated
	 */
	public User register(String username, String password, String data, String solution, String address) {
		Username name = Username.of(username);
		String skeleton = name.skeleton();
		if (!this.registering.add(skeleton)) {
			throw taken(name, address);
		}
		try {
			// Before the admission: a request without a good solution never holds a place
			// in the hashing pool, so a flood of them cannot shed anyone's login.
			this.challenges.checkRegistration(address, solution);
			try (HashingPool.Admission hashing = this.hashing.admit()) {
				if (this.users.existsByCanonicalUsernameOrUsernameSkeleton(name.canonical(), skeleton)) {
					throw taken(name, address);
				}
				this.addresses.newAccount(address);
				String hash = hashing.run(this.passwords.hashing(password));
				User user = this.users.saveAndFlush(new User(name, hash, data, this.clock.instant()));
				this.events.registration("created", name, address);
				return user;
			}
		}
		catch (DataIntegrityViolationException ex) {
			throw taken(name, address);
		}
		catch (Overloaded | TooManyAttempts | ChallengeRequired ex) {
			this.events.registration(outcome(ex), name, address);
			throw ex;
		}
		finally {
			this.registering.remove(skeleton);
		}
	}

	/**
	 * @throws WeakPassword if the password, held in the given field, fails the policy
	 */
	public void checkNewPassword(String field, String username, String password) {
		List<String> problems = this.policy.problems(password, username);
		if (!problems.isEmpty()) {
			throw new WeakPassword(field, problems);
		}
	}

	/**
	 * @throws org.loginservice.password.Overloaded if hashing is saturated
	 */
	public void changePassword(User user, String password) {
		try (HashingPool.Admission hashing = this.hashing.admit()) {
			String hash = hashing.run(this.passwords.hashing(password));
			this.users.updatePasswordHash(user.getId(), hash);
			user.changePasswordHash(hash);
		}
	}

	/** The account with its data replaced, if it still exists. */
	@Transactional
	public Optional<User> changeData(long userId, String data) {
		Optional<User> user = this.users.findById(userId);
		user.ifPresent((found) -> found.changeData(data));
		return user;
	}

	/** Deletes the account; its sessions go with it, and its name is free again. */
	public void delete(User user) {
		this.users.deleteById(user.getId());
		this.events.deletion(Username.of(user.getUsername()));
	}

	private static String outcome(RuntimeException refusal) {
		if (refusal instanceof ChallengeRequired) {
			return "challenged";
		}
		return (refusal instanceof Overloaded) ? "shed" : "throttled";
	}

	private UsernameTaken taken(Username name, String address) {
		this.events.registration("taken", name, address);
		return new UsernameTaken(name);
	}

}
