package org.loginservice.challenge;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.hamcrest.Matchers.equalTo;

/** {@code auth.challenge.mode=always}: every registration and login needs a solution. */
@TestPropertySource(properties = "auth.challenge.mode=always")
class ChallengeAlwaysTests extends ChallengeApiTest {

	@Test
	void theFirstRegistrationAndLoginOfAnAddressNeedASolution() {
		String name = uniqueName("always");
		String address = newAddress();

		register(name, null, address).then().statusCode(403).body("reason", equalTo("missing"));
		register(name, Solver.solve(challenge("for=register", address)), address).then().statusCode(201);
		login(name, PASSWORD, null, address).then()
			.statusCode(403)
			.body("challenge", equalTo("/challenge?for=login&username=" + name));
		login(name, PASSWORD, Solver.solve(challenge("for=login&username=" + name, address)), address).then()
			.statusCode(200);
	}

}
