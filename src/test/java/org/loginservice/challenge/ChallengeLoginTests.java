package org.loginservice.challenge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loginservice.MutableClock;
import org.loginservice.password.HashingPool;
import org.loginservice.password.Overloaded;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Logins once an address or a name has failed often: a solution is needed before the
 * password is checked, and before the request takes a place in the hashing pool.
 */
@Import(MutableClock.Config.class)
class ChallengeLoginTests extends ChallengeApiTest {

	@Autowired
	private HashingPool hashing;

	@Test
	void withEveryPlaceOfTheHashingPoolTakenARequestWithoutASolutionIsStillToldWhatItNeeds() {
		registerThreeFree();
		String name = registeredElsewhere();
		for (int i = 0; i < 3; i++) {
			login(name, "wrong password " + i, null).then().statusCode(401);
		}
		List<HashingPool.Admission> held = new ArrayList<>();
		try {
			while (true) {
				held.add(this.hashing.admit());
			}
		}
		catch (Overloaded ex) {
			// Every place is taken now.
		}
		try {
			register(uniqueName("full"), null).then().statusCode(403).body("reason", equalTo("missing"));
			login(name, PASSWORD, null).then().statusCode(403).body("reason", equalTo("missing"));
			login(name, PASSWORD, Solver.solve(challenge("login&username=" + name))).then().statusCode(503);
		}
		finally {
			held.forEach(HashingPool.Admission::close);
		}
	}

	@Test
	void loginAfterThreeFailuresFromAnAddressNeedsASolutionBeforeThePasswordIsChecked() {
		String name = registeredElsewhere();
		for (int i = 0; i < 3; i++) {
			login(name, "wrong password " + i, null).then().statusCode(401);
		}
		double hashes = hashes();

		login(name, PASSWORD, null).then()
			.statusCode(403)
			.body("type", equalTo("/problems/challenge-required"))
			.body("challenge", equalTo("/challenge?for=login&username=" + name))
			.body("reason", equalTo("missing"));
		assertThat(hashes()).as("passwords hashed").isEqualTo(hashes);
		Map<String, Object> challenge = challenge("login&username=" + name);
		login(name, PASSWORD, Solver.solve(challenge)).then().statusCode(200).body("username", equalTo(name));
	}

	@Test
	void loginAfterThreeFailuresOnANameFromAnyAddressesNeedsASolutionWhoeverAsks() {
		String name = registeredElsewhere();
		failThreeLoginsFromOtherAddresses(name);

		login(name, PASSWORD, null).then().statusCode(403).body("reason", equalTo("missing"));
		Map<String, Object> challenge = challenge("login&username=" + name.toUpperCase());
		assertThat(work(challenge)).isEqualTo(4);
		login(name, PASSWORD, Solver.solve(challenge)).then().statusCode(200);
		login(name, PASSWORD, null, newAddress()).then().statusCode(200);
	}

	@Test
	void aLoginRefusedForItsChallengeIsNotCountedAsAGuessOfThePassword() {
		String name = registeredElsewhere();
		failThreeLoginsFromOtherAddresses(name);
		for (int i = 0; i < 3; i++) {
			login(name, "wrong password again", "not base64!").then().statusCode(403);
		}

		Map<String, Object> challenge = challenge("login&username=" + name);
		assertThat(work(challenge)).as("the work of 3 failures, the name's and the address's refusals alike")
			.isEqualTo(4);
		login(name, PASSWORD, Solver.solve(challenge)).then().statusCode(200);
	}

	private void failThreeLoginsFromOtherAddresses(String name) {
		for (int i = 0; i < 3; i++) {
			login(name, "wrong password " + i, null, newAddress()).then().statusCode(401);
		}
	}

}
