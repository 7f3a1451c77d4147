package org.loginservice.user;

import java.time.Instant;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;
import org.loginservice.PasswordSettings;
import org.loginservice.password.PasswordHasher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The service runs at cost 5 here, above the cost 4 of an older hash. */
@TestPropertySource(properties = "auth.password.bcrypt-cost=5")
class HashUpgradeTests extends ApiTest {

	private static final String PASSWORD = "violet-Quartz-river-92";

	@Autowired
	private UserRepository users;

	@Autowired
	private UserService accounts;

	@Autowired
	private PasswordHasher passwords;

	@Test
	void loginRehashesAPasswordHashedAtALowerCost() {
		String name = uniqueName("upgrade");
		String oldHash = new PasswordHasher(new PasswordSettings(15, 3, 4)).encode(PASSWORD);
		this.users.saveAndFlush(new User(Username.of(name), oldHash, "", Instant.now()));

		login(name).then().statusCode(200);

		assertThat(oldHash).startsWith("$2b$04$");
		assertThat(storedHash(name)).startsWith("$2b$05$");
		login(name).then().statusCode(200);
	}

	@Test
	void loginWithAPasswordThePolicyWouldNowRefuseStillWorks() {
		String name = uniqueName("old");
		this.users.saveAndFlush(new User(Username.of(name), this.passwords.encode("password"), "", Instant.now()));

		api().contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", "password"))
			.post("/login")
			.then()
			.statusCode(200);
	}

	@Test
	void loginKeepsAHashAtTheConfiguredCost() {
		String name = uniqueName("current");
		api().post("/register?username={u}&password={p}", name, PASSWORD).then().statusCode(201);
		String hash = storedHash(name);

		login(name).then().statusCode(200);

		assertThat(storedHash(name)).isEqualTo(hash);
	}

	@Test
	void changePasswordWhenDataChangedSinceTheAccountWasLoadedThenKeepsTheNewData() {
		String name = uniqueName("stale");
		api().post("/register?username={u}&password={p}&data=old", name, PASSWORD).then().statusCode(201);
		User loaded = stored(name);

		this.accounts.changeData(loaded.getId(), "new");
		this.accounts.changePassword(loaded, "another-Quartz-river-93");

		assertThat(stored(name).getData()).isEqualTo("new");
		assertThat(this.passwords.matches("another-Quartz-river-93", stored(name).getPasswordHash())).isTrue();
	}

	private User stored(String name) {
		return this.users.findByCanonicalUsername(Username.of(name).canonical()).orElseThrow();
	}

	private String storedHash(String name) {
		return this.users.findByCanonicalUsername(Username.of(name).canonical()).orElseThrow().getPasswordHash();
	}

	private Response login(String name) {
		return api().contentType(ContentType.JSON).body(Map.of("username", name, "password", PASSWORD)).post("/login");
	}

}
