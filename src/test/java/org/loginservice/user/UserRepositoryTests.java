package org.loginservice.user;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DataJpaTest
class UserRepositoryTests {

	@Autowired
	private UserRepository users;

	@Test
	void canonicalNameIsUniqueInTheDatabase() {
		this.users.saveAndFlush(new User(Username.of("Taken"), "hash", "", Instant.now()));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.users.saveAndFlush(new User(Username.of("ＴＡＫＥＮ"), "hash", "", Instant.now())));
	}

	@Test
	void findsByCanonicalName() {
		this.users.saveAndFlush(new User(Username.of("Finder"), "hash", "some data", Instant.now()));

		assertThat(this.users.findByCanonicalUsername(Username.of(" FINDER ").canonical())).get()
			.extracting(User::getUsername, User::getData)
			.containsExactly("Finder", "some data");
	}

}
