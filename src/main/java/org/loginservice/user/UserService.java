package org.loginservice.user;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.loginservice.password.PasswordHasher;
import org.loginservice.password.ValidPassword;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Registers accounts and checks logins.
 * <p>
 * Hashing takes a large fraction of a second on purpose, so it runs outside any
 * transaction: a database connection is held only for the short lookup or insert.
 */
@Service
public class UserService {

	private final UserRepository users;

	private final PasswordHasher passwords;

	private final Clock clock;

	/**
	 * A real hash at the configured cost, checked when the account does not exist, so
	 * that an unknown name costs as much as a wrong password and cannot be told apart by
	 * timing.
	 */
	private final String dummyHash;

	UserService(UserRepository users, PasswordHasher passwords, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.clock = clock;
		this.dummyHash = passwords.encode(UUID.randomUUID().toString());
	}

	/**
	 * Creates an account. The name is checked before the expensive hash, and the unique
	 * index settles a race between two registrations of one name.
	 * @throws UsernameTaken if the name, after normalization, has an account
	 */
	public User register(String username, String password, String data) {
		Username name = Username.of(username);
		if (this.users.existsByCanonicalUsername(name.canonical())) {
			throw new UsernameTaken(name);
		}
		String hash = this.passwords.encode(password);
		try {
			return this.users.saveAndFlush(new User(name, hash, data, this.clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			throw new UsernameTaken(name);
		}
	}

	/**
	 * Checks a username and password, doing the same work whether or not the account
	 * exists.
	 * @throws InvalidCredentials if there is no such account or the password is wrong
	 */
	public User login(String username, String password) {
		if (password.codePointCount(0, password.length()) > ValidPassword.MAX_LENGTH) {
			this.passwords.matches("", this.dummyHash);
			throw new InvalidCredentials();
		}
		Optional<User> user = this.users.findByCanonicalUsername(Username.of(username).canonical());
		String hash = user.map(User::getPasswordHash).orElse(this.dummyHash);
		boolean matches = this.passwords.matches(password, hash);
		if (user.isEmpty() || !matches) {
			throw new InvalidCredentials();
		}
		return user.get();
	}

}
