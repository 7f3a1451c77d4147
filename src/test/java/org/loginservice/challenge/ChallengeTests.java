package org.loginservice.challenge;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loginservice.MutableClock;
import org.loginservice.Simultaneous;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The adaptive challenges over HTTP, each test from addresses of its own.
 */
@Import(MutableClock.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class ChallengeTests extends ChallengeApiTest {

	@Autowired
	private MutableClock clock;

	@Autowired
	private MeterRegistry meters;

	@Test
	void registerAfterThreeFromOneAddressWithoutSolutionThenChallengeRequired() {
		registerThreeFree();
		double hashes = hashes();

		register(uniqueName("fourth"), null).then()
			.statusCode(403)
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/challenge-required"))
			.body("challenge", equalTo("/challenge?for=register"))
			.body("reason", equalTo("missing"));
		assertThat(hashes()).as("passwords hashed").isEqualTo(hashes);
		api().header("X-Forwarded-For", newAddress())
			.post("/register?username={u}&password={p}", uniqueName("elsewhere"), PASSWORD)
			.then()
			.statusCode(201);
	}

	@Test
	void registerWithSolvedChallengeThenCreatedAndTheSameSolutionAgainReplayed() {
		registerThreeFree();
		String solution = Solver.solve(challenge("register"));

		register(uniqueName("solved"), solution).then().statusCode(201);
		register(uniqueName("replayed"), solution).then().statusCode(403).body("reason", equalTo("replayed"));
	}

	@Test
	void eachFurtherRegistrationDoublesTheWorkUpToTheMost() {
		registerThreeFree();
		for (int work : new int[] { 4, 8, 16, 32, 32 }) {
			Map<String, Object> challenge = challenge("register");
			assertThat(work(challenge)).isEqualTo(work);
			register(uniqueName("doubling"), Solver.solve(challenge)).then().statusCode(201);
		}
	}

	@Test
	void addressesOfOneIpv6Slash64CountAsOne() {
		for (String host : new String[] { "2001:db8:7:64::1", "2001:db8:7:64::2", "2001:db8:7:64:ab::3" }) {
			register(uniqueName("v6"), null, host).then().statusCode(201);
		}

		register(uniqueName("v6"), null, "2001:db8:7:64:ffff:ffff:ffff:ffff").then()
			.statusCode(403)
			.body("reason", equalTo("missing"));
		register(uniqueName("v6"), null, "2001:db8:7:65::1").then().statusCode(201);
	}

	@Test
	void aNameFoundTakenCountsTowardsTheWork() {
		String taken = uniqueName("taken");
		register(taken, null).then().statusCode(201);
		register(taken, null).then().statusCode(409);
		register(taken, null).then().statusCode(409);

		register(taken, null).then().statusCode(403).body("reason", equalTo("missing"));
	}

	@Test
	void simultaneousUsesOfOneSolutionThenExactlyOneSucceeds() throws Exception {
		registerThreeFree();
		String solution = Solver.solve(challenge("register"));

		List<Integer> statuses = Simultaneous.requests(8,
				(i) -> register(uniqueName("simultaneous"), solution).statusCode());

		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 403).hasSize(7);
	}

	@Test
	void theTutorialsQueryStringCarriesASolutionEvenWithItsPlusSignsUnencoded() {
		registerThreeFree();
		String solution = Solver.solve(challenge("register"));
		String unencoded = solution.replace("/", "%2F").replace("=", "%3D");

		from().urlEncodingEnabled(false)
			.post("/register?username=" + uniqueName("tutorial") + "&password=" + PASSWORD + "&altcha=" + unencoded)
			.then()
			.statusCode(201);
	}

	@Test
	void issuedSolvedAndRefusedChallengesAreCountedAndEachSolutionLogged(CapturedOutput output) {
		registerThreeFree();
		double issued = count("auth.challenges.issued", "purpose", "register");
		double solved = count("auth.challenges.solved", "purpose", "register");
		double replayed = count("auth.challenges.refused", "reason", "replayed");
		String solution = Solver.solve(challenge("register"));
		assertThat(this.meters.get("auth.challenges.work").tag("purpose", "register").gauge().value()).isEqualTo(4);

		register(uniqueName("counted"), solution).then().statusCode(201);
		register(uniqueName("counted"), solution).then().statusCode(403);

		assertThat(count("auth.challenges.issued", "purpose", "register")).isEqualTo(issued + 1);
		assertThat(count("auth.challenges.solved", "purpose", "register")).isEqualTo(solved + 1);
		assertThat(count("auth.challenges.refused", "reason", "replayed")).isEqualTo(replayed + 1);
		assertThat(output)
			.contains("challenge outcome=solved purpose=register work=4 address=" + this.address,
					"challenge outcome=refused reason=replayed purpose=register work=8 address=" + this.address)
			.doesNotContain(solution);
	}

	@Test
	void anAddressMayHaveThirtyChallengesAMinute() {
		long now = this.clock.instant().getEpochSecond();
		this.clock.advance(Duration.ofSeconds(60 - now % 60));
		for (int i = 0; i < 30; i++) {
			challenge((i % 2 == 0) ? "register" : "login");
		}

		from().get("/challenge")
			.then()
			.statusCode(429)
			.header("Retry-After", "60")
			.body("type", equalTo("/problems/too-many-attempts"));
		challenge("for=register", newAddress());
		this.clock.advance(Duration.ofMinutes(1));
		challenge("register");
	}

	@Test
	void challengeForAnUnknownPurposeThenInvalidFields() {
		api().get("/challenge?for=coffee")
			.then()
			.statusCode(400)
			.body("type", equalTo("/problems/invalid-fields"))
			.body("errors[0].field", equalTo("for"));
	}

	@Test
	void aChallengeIsNeverCachedAndIsNewEachTime() {
		Response first = from().get("/challenge");
		first.then().statusCode(200).header("Cache-Control", "no-store").contentType(ContentType.JSON);
		Map<String, Object> second = from().get("/challenge").as(Map.class);

		assertThat(parameters(first.as(Map.class)).get("nonce")).isNotEqualTo(parameters(second).get("nonce"));
		assertThat(parameters(second)).containsEntry("algorithm", "PBKDF2/SHA-256")
			.containsEntry("cost", 10)
			.containsEntry("keyLength", 32)
			.containsEntry("data", Map.of("purpose", "register", "work", 4));
		assertThat(((Number) parameters(second).get("expiresAt")).longValue())
			.isEqualTo(this.clock.instant().plus(Duration.ofMinutes(5)).getEpochSecond());
	}

	private double count(String name, String tag, String value) {
		return this.meters.get(name).tag(tag, value).counter().count();
	}

	private RequestSpecification from() {
		return api().header("X-Forwarded-For", this.address);
	}

}
