package org.loginservice.challenge;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.loginservice.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the HTTP tests of the challenges: on, at a work solved in milliseconds, and
 * behind a trusted proxy (loopback here), so that each request can come from an address
 * of the test's choosing in {@code X-Forwarded-For}.
 */
@TestPropertySource(properties = { "auth.challenge.mode=adaptive", "auth.challenge.cost=10",
		"auth.challenge.min-work=4", "auth.challenge.max-work=32", "server.forward-headers-strategy=native" })
abstract class ChallengeApiTest extends ApiTest {

	static final String PASSWORD = "violet-Quartz-river-92";

	private static final AtomicInteger addresses = new AtomicInteger();

	/** The address this test's requests come from, unless they say another. */
	final String address = newAddress();

	@Autowired
	private MeterRegistry meters;

	/** An address no other request has come from. */
	static String newAddress() {
		int n = addresses.incrementAndGet();
		return "198.18." + (n / 250) + "." + (1 + n % 250);
	}

	/** The three registrations an address may make with no challenge. */
	void registerThreeFree() {
		for (int i = 0; i < 3; i++) {
			register(uniqueName("free"), null).then().statusCode(201);
		}
	}

	Response register(String name, String solution) {
		return register(name, solution, this.address);
	}

	Response login(String name, String password, String solution) {
		return login(name, password, solution, this.address);
	}

	/**
	 * A challenge for this test's address: {@code purpose} is what follows {@code for=}.
	 */
	Map<String, Object> challenge(String purpose) {
		return challenge("for=" + purpose, this.address);
	}

	/** A JSON registration, with the solution when it is not null. */
	Response register(String name, String solution, String address) {
		return post("/register", name, PASSWORD, solution, address);
	}

	/** A JSON login, with the solution when it is not null. */
	Response login(String name, String password, String solution, String address) {
		return post("/login", name, password, solution, address);
	}

	/** An account registered from an address of its own. */
	String registeredElsewhere() {
		String name = uniqueName("challenged");
		register(name, null, newAddress()).then().statusCode(201);
		return name;
	}

	/** Passwords hashed or checked so far. */
	double hashes() {
		return this.meters.get("auth.password.hashing").timer().count();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> challenge(String query, String address) {
		return api().header("X-Forwarded-For", address)
			.get("/challenge?" + query)
			.then()
			.statusCode(200)
			.extract()
			.as(Map.class);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> parameters(Map<String, Object> challenge) {
		return (Map<String, Object>) challenge.get("parameters");
	}

	@SuppressWarnings("unchecked")
	static int work(Map<String, Object> challenge) {
		return ((Number) ((Map<String, Object>) parameters(challenge).get("data")).get("work")).intValue();
	}

	private Response post(String path, String name, String password, String solution, String address) {
		Map<String, String> body = (solution == null) ? Map.of("username", name, "password", password)
				: Map.of("username", name, "password", password, "altcha", solution);
		return api().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(body).post(path);
	}

}
