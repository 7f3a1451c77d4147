package org.loginservice.challenge;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;
import org.loginservice.NodePackages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The service against ALTCHA's own server library, {@code altcha-lib} 2.8.0, run in
 * Node.js: its solver solves the service's challenges, its verifier takes them for its
 * own, and the service takes the challenges it makes. Every registration needs a solution
 * here, and each test is on client addresses of its own, so that each starts with the
 * least work: 64 keys, so that the counter is seldom 0, which any byte order writes
 * alike. Skipped where Node.js is not installed.
 */
@TestPropertySource(
		properties = { "auth.challenge.mode=adaptive", "auth.challenge.secret=" + AltchaCompatibilityTests.SECRET,
				"auth.challenge.cost=10", "auth.challenge.min-work=64", "auth.challenge.max-work=1024",
				"auth.challenge.free-registrations=0", "server.forward-headers-strategy=native" })
class AltchaCompatibilityTests extends ApiTest {

	static final String SECRET = "altcha-compatibility-tests-secret-0123456789";

	private static final String SCRIPT = "/npm/altcha-lib.mjs";

	private static final String PASSWORD = "violet-Quartz-river-92";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger addresses = new AtomicInteger();

	private final String address = newAddress();

	@Test
	void registerWithSolutionOfAltchaLibThenCreatedAndOnlyOnce() {
		String payload = altchaLib("solve", challenge(this.address));

		register(this.address, null).statusCode(403).body("reason", equalTo("missing"));
		register(this.address, payload).statusCode(201);
		// From an address whose next registration needs no more work than the solution's,
		// so that its earlier use is all that is wrong with it.
		register(newAddress(), payload).statusCode(403).body("reason", equalTo("replayed"));
	}

	@Test
	void altchaLibVerifiesTheChallengeOfTheServiceAsItsOwn() {
		String payload = altchaLib("solve", challenge(this.address));

		JsonNode verified = JSON.readTree(altchaLib("verify", payload, SECRET));
		assertThat(verified.at("/keySignature/verified").asBoolean()).as("%s", verified).isTrue();
		assertThat(verified.at("/derivation/verified").asBoolean()).as("%s", verified).isTrue();

		JsonNode otherSecret = JSON.readTree(altchaLib("verify", payload, SECRET.replace('a', 'b')));
		assertThat(otherSecret.at("/keySignature/invalidSignature").asBoolean()).as("%s", otherSecret).isTrue();
	}

	@Test
	void registerWithChallengeOfAltchaLibThenCreated() {
		String payload = altchaLib("solve", altchaLibChallenge());

		register(this.address, payload).statusCode(201);
	}

	@Test
	void registerWithChallengeOfAltchaLibWithAByteOfItsSignatureFlippedThenTampered() {
		ObjectNode challenge = (ObjectNode) JSON.readTree(altchaLibChallenge());
		byte[] signature = HexFormat.of().parseHex(challenge.get("signature").stringValue());
		signature[0] ^= 1;
		challenge.put("signature", HexFormat.of().formatHex(signature));
		String payload = altchaLib("solve", JSON.writeValueAsString(challenge));

		register(this.address, payload).statusCode(403).body("reason", equalTo("tampered"));
	}

	/** A challenge from {@code GET /challenge}, as the service sends it. */
	private String challenge(String address) {
		return api().header("X-Forwarded-For", address)
			.get("/challenge?for=register")
			.then()
			.statusCode(200)
			.extract()
			.asString();
	}

	/**
	 * A challenge made by altcha-lib with the service's secret, deterministic as the
	 * service's own, of the work the address's next registration needs; the solver has to
	 * go through the whole range.
	 */
	private String altchaLibChallenge() {
		int work = JSON.readTree(challenge(this.address)).at("/parameters/data/work").asInt();
		return altchaLib("create", SECRET, "register", String.valueOf(work), String.valueOf(work - 1), "10", "180");
	}

	private static String altchaLib(String... arguments) {
		return NodePackages.run(SCRIPT, arguments);
	}

	private ValidatableResponse register(String address, String altcha) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("username", uniqueName("altcha"));
		body.put("password", PASSWORD);
		if (altcha != null) {
			body.put("altcha", altcha);
		}
		return api().header("X-Forwarded-For", address)
			.contentType(ContentType.JSON)
			.body(body)
			.post("/register")
			.then();
	}

	/** One of TEST-NET-3 (RFC 5737) that no other test here uses. */
	private static String newAddress() {
		return "203.0.113." + addresses.incrementAndGet();
	}

}
