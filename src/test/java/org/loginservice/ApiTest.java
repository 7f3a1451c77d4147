package org.loginservice;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that talk to the whole application over real HTTP, on a random port
 * and a real H2 file database of its own under {@code target/} (or a PostgreSQL database
 * of its own, see {@link TestDatabase}). Tests share that database, so each one registers
 * names of its own ({@link #uniqueName}). The limits per client address are lifted, and
 * the proof-of-work challenges are off, since every test client is on one address; the
 * tests of the challenges turn them on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "auth.password.bcrypt-cost=4", "auth.throttle.registrations-per-address=100000",
				"auth.throttle.failed-logins-per-address=100000", "auth.challenge.mode=off",
				"auth.passkeys.options-per-address-per-minute=100000",
				"spring.datasource.url=jdbc:h2:file:./target/test-db/${random.uuid};WRITE_DELAY=0" })
public abstract class ApiTest {

	private static final AtomicInteger names = new AtomicInteger();

	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_!";

	private static final Random random = new Random(2026);

	/**
	 * Bodies in UTF-8, the only charset the service reads (REST Assured's default is
	 * ISO-8859-1).
	 */
	private static final RestAssuredConfig UTF8 = RestAssuredConfig.config()
		.encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8));

	@LocalServerPort
	private int port;

	/** On PostgreSQL when asked to, in a database of each application context's own. */
	@DynamicPropertySource
	static void database(DynamicPropertyRegistry properties) {
		if (TestDatabase.enabled()) {
			String url = TestDatabase.create();
			properties.add("spring.datasource.url", () -> url);
			properties.add("spring.datasource.username", TestDatabase::user);
			properties.add("spring.datasource.password", TestDatabase::password);
			// Beside the H2 file by default; here, beside the other test databases.
			properties.add("auth.totp.key-file", () -> "./target/test-db/postgresql.totp-key");
		}
	}

	/**
	 * A request to the application, whose exchange must keep to the OpenAPI document it
	 * publishes (see {@link OpenApiContract}).
	 */
	protected RequestSpecification api() {
		return RestAssured.given()
			.port(this.port)
			.urlEncodingEnabled(true)
			.config(UTF8)
			.filter(OpenApiContract.of(this.port));
	}

	protected int port() {
		return this.port;
	}

	/** A password the policy accepts, of the given length, different on each call. */
	protected static String strongPassword(int length) {
		StringBuilder password = new StringBuilder();
		while (password.length() < length) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	/** A username no other test in this run registers. */
	protected static String uniqueName(String prefix) {
		return prefix + "-" + names.incrementAndGet();
	}

	/** The name as its full-width twin, which names the same account. */
	protected static String toFullWidth(String ascii) {
		StringBuilder wide = new StringBuilder();
		ascii.chars().forEach((c) -> wide.append((c > 0x20 && c < 0x7F) ? (char) (c - 0x21 + 0xFF01) : (char) c));
		return wide.toString();
	}

}
