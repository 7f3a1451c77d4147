package org.loginservice.challenge;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loginservice.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.hamcrest.Matchers.equalTo;

/**
 * Every way a solution is refused, each with its reason, and never a solution that is not
 * good.
 */
@Import(MutableClock.Config.class)
class ChallengeRefusalTests extends ChallengeApiTest {

	@Autowired
	private MutableClock clock;

	@Test
	void registerWithAChangedChallengeThenTampered() {
		registerThreeFree();
		Map<String, Object> challenge = challenge("register");
		String signature = (String) challenge.get("signature");
		String flipped = signature.substring(0, 10) + ((signature.charAt(10) == '0') ? '1' : '0')
				+ signature.substring(11);

		register(uniqueName("flipped"),
				Solver.solve(Map.of("parameters", challenge.get("parameters"), "signature", flipped)))
			.then()
			.statusCode(403)
			.body("reason", equalTo("tampered"));
		register(uniqueName("easier"), Solver.solve(withWork(challenge, 1))).then()
			.statusCode(403)
			.body("reason", equalTo("tampered"));
		register(uniqueName("original"), Solver.solve(challenge)).then().statusCode(201);
	}

	@Test
	void registerWithAnEasierSolutionThanNowNeededThenTooEasy() {
		registerThreeFree();
		String easy = Solver.solve(challenge("register"));
		register(uniqueName("meanwhile"), Solver.solve(challenge("register"))).then().statusCode(201);

		register(uniqueName("easy"), easy).then().statusCode(403).body("reason", equalTo("too-easy"));
	}

	@Test
	void registerWithASolutionForALoginThenWrongPurpose() {
		registerThreeFree();

		register(uniqueName("purpose"), Solver.solve(challenge("login"))).then()
			.statusCode(403)
			.body("reason", equalTo("wrong-purpose"));
	}

	@Test
	void registerWithASolutionPastItsExpiryThenExpired() {
		registerThreeFree();
		String solution = Solver.solve(challenge("register"));
		this.clock.advance(Duration.ofMinutes(5));

		register(uniqueName("late"), solution).then().statusCode(403).body("reason", equalTo("expired"));
	}

	@Test
	void registerWithWhatIsNoSolutionThenMalformed() {
		registerThreeFree();
		String unsolved = Solver.payload(challenge("register"),
				Map.of("counter", 0, "derivedKey", "00".repeat(32), "time", 1));

		for (String solution : List.of("not base64!", "e30=", "bm90IGpzb24=", "A".repeat(5000))) {
			register(uniqueName("malformed"), solution).then().statusCode(403).body("reason", equalTo("malformed"));
		}
		register(uniqueName("unsolved"), unsolved).then().statusCode(403).body("reason", equalTo("unsolved"));
	}

	@Test
	void aSolutionSentWhereNoneIsNeededIsCheckedAllTheSame() {
		register(uniqueName("needless"), "not base64!").then().statusCode(403).body("reason", equalTo("malformed"));
		register(uniqueName("needless"), Solver.solve(challenge("register"))).then().statusCode(201);
	}

	/** The challenge with another work, and its signature as it was. */
	private static Map<String, Object> withWork(Map<String, Object> challenge, int work) {
		Map<String, Object> parameters = new HashMap<>(parameters(challenge));
		parameters.put("data", Map.of("purpose", "register", "work", work));
		return Map.of("parameters", parameters, "signature", challenge.get("signature"));
	}

}
