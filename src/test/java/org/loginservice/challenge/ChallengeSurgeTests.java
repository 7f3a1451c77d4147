package org.loginservice.challenge;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.loginservice.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.hamcrest.Matchers.equalTo;

/**
 * A surge of registration attempts over the whole service: every registration needs a
 * solution, from whatever address, until a whole minute stays at or below the rate. Only
 * attempts that got through count: refusals cost the service nothing to speak of.
 */
@TestPropertySource(properties = "auth.challenge.surge-registrations-per-minute=5")
@Import(MutableClock.Config.class)
class ChallengeSurgeTests extends ChallengeApiTest {

	@Autowired
	private MutableClock clock;

	@Test
	void pastTheSurgeRateEveryRegistrationNeedsASolutionUntilAMinuteStaysBelowIt() {
		startOfMinute();
		for (int i = 0; i < 6; i++) {
			register(uniqueName("calm"), null, newAddress()).then().statusCode(201);
		}

		register(uniqueName("surge"), null, newAddress()).then().statusCode(403).body("reason", equalTo("missing"));
		String address = newAddress();
		register(uniqueName("solved"), Solver.solve(challenge("for=register", address)), address).then()
			.statusCode(201);
		this.clock.advance(Duration.ofMinutes(1));
		register(uniqueName("next-minute"), null, newAddress()).then().statusCode(403);
		this.clock.advance(Duration.ofMinutes(1));
		register(uniqueName("calm-again"), null, newAddress()).then().statusCode(201);
	}

	@Test
	void requestsRefusedForWantOfASolutionDoNotMakeASurge() {
		startOfMinute();
		String address = newAddress();
		for (int i = 0; i < 3; i++) {
			register(uniqueName("free"), null, address).then().statusCode(201);
		}

		for (int i = 0; i < 20; i++) {
			register(uniqueName("refused"), null, address).then().statusCode(403);
		}

		register(uniqueName("elsewhere"), null, newAddress()).then().statusCode(201);
	}

	private void startOfMinute() {
		long now = this.clock.instant().getEpochSecond();
		this.clock.advance(Duration.ofSeconds(60 - now % 60));
	}

}
