package org.loginservice.passkey;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loginservice.Simultaneous;
import org.loginservice.passkey.SoftwareAuthenticator.Ceremony;
import org.loginservice.throttle.AddressThrottle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Adding passkeys to an account, and logging in with one alone. */
class PasskeyTests extends PasskeyApiTest {

	@Autowired
	private AddressThrottle addresses;

	@Autowired
	private MeterRegistry meters;

	@Test
	void addPasskeyThenLoginWithItAloneThenReadMe() {
		String name = registered("passkey");
		String token = token(name);
		Map<String, Object> credential = this.authenticator.create(creationOptions(token), Ceremony.HONEST);

		add(token, credential, "Laptop").then()
			.statusCode(201)
			.body("id", equalTo(credential.get("id")))
			.body("label", equalTo("Laptop"))
			.body("createdAt",
					equalTo(this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
		api().auth().oauth2(token).post("/logout").then().statusCode(204);

		String passkeyToken = loginWith(assertion((String) credential.get("id"), Ceremony.HONEST)).then()
			.statusCode(200)
			.body("username", equalTo(name))
			.body("data", equalTo("data of " + name))
			.body("tokenType", equalTo("Bearer"))
			.body("mfaRequired", nullValue())
			.extract()
			.path("token");
		api().auth().oauth2(passkeyToken).get("/me").then().statusCode(200).body("username", equalTo(name));
	}

	@Test
	void creationOptionsAskForADiscoverableCredentialUnderARandomUserHandle() {
		String name = registered("options");
		String token = token(name);

		Map<String, Object> options = creationOptions(token);

		assertThat(options).containsEntry("rp", Map.of("id", "localhost", "name", "login-service"))
			.containsEntry("attestation", "none")
			.containsEntry("timeout", 300000)
			.containsEntry("excludeCredentials", List.of())
			.containsEntry("authenticatorSelection",
					Map.of("residentKey", "required", "requireResidentKey", true, "userVerification", "preferred"));
		assertThat((String) options.get("challenge")).matches("[A-Za-z0-9_-]{43}");
		assertThat(SoftwareAuthenticator.fromBase64url((String) options.get("challenge"))).hasSize(32);
		@SuppressWarnings("unchecked")
		Map<String, Object> user = (Map<String, Object>) options.get("user");
		assertThat(user).containsEntry("name", name).containsEntry("displayName", name);
		assertThat((String) user.get("id")).matches("[A-Za-z0-9_-]{43}").doesNotContain(name);
		assertThat(creationOptions(token).get("challenge")).isNotEqualTo(options.get("challenge"));
	}

	@Test
	void creationOptionsExcludeTheAccountsPasskeysAndKeepItsUserHandle() {
		String token = token(registered("exclude"));
		String first = passkey(token);
		String handle = this.authenticator.userHandle(first);

		Map<String, Object> options = creationOptions(token);

		assertThat(options.get("excludeCredentials"))
			.isEqualTo(List.of(Map.of("type", "public-key", "id", first, "transports", List.of("internal"))));
		@SuppressWarnings("unchecked")
		Map<String, Object> user = (Map<String, Object>) options.get("user");
		assertThat(user.get("id")).isEqualTo(handle);
		assertThat(this.authenticator.userHandle(passkey(token(registered("other"))))).isNotEqualTo(handle);
	}

	@Test
	void loginOptionsAllowAnyPasskeyAndRequireUserVerification() {
		Map<String, Object> options = requestOptions();

		assertThat(options).containsEntry("rpId", "localhost")
			.containsEntry("allowCredentials", List.of())
			.containsEntry("userVerification", "required")
			.containsEntry("timeout", 300000);
		assertThat(SoftwareAuthenticator.fromBase64url((String) options.get("challenge"))).hasSize(32);
	}

	@Test
	void theSameAssertionSentTwiceIsRefusedTheSecondTime() {
		String token = token(registered("replay"));
		String id = passkey(token);
		Map<String, Object> assertion = assertion(id, Ceremony.HONEST);

		loginWith(assertion).then().statusCode(200);
		loginWith(assertion).then()
			.statusCode(401)
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/invalid-passkey"));
	}

	@Test
	void simultaneousUsesOfOneAssertionThenExactlyOneLogsIn() throws Exception {
		String id = passkey(token(registered("raced")));
		Map<String, Object> assertion = assertion(id, Ceremony.HONEST);

		List<Integer> statuses = Simultaneous.requests(8, (i) -> loginWith(assertion).statusCode());

		assertThat(statuses).containsOnly(200, 401);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
	}

	@Test
	void anAccountHasAtMostTwentyPasskeysEvenWhenTheyAreAddedAtOnce() throws Exception {
		String token = token(registered("many"));
		for (int i = 0; i < 18; i++) {
			passkey(token);
		}
		List<Map<String, Object>> credentials = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			credentials.add(this.authenticator.create(creationOptions(token), Ceremony.HONEST));
		}

		List<Integer> statuses = Simultaneous.requests(6, (i) -> add(token, credentials.get(i), null).statusCode());

		assertThat(statuses).containsOnly(201, 400);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(2);
		api().auth().oauth2(token).get("/me/passkeys").then().body("passkeys", hasSize(20));
	}

	@Test
	void transportsWebAuthnDoesNotDefineAreDropped() {
		String token = token(registered("transports"));
		Map<String, Object> credential = this.authenticator.create(creationOptions(token), Ceremony.HONEST);
		@SuppressWarnings("unchecked")
		Map<String, Object> response = new LinkedHashMap<>((Map<String, Object>) credential.get("response"));
		List<String> transports = new ArrayList<>(List.of("internal", "hybrid", "internal"));
		for (int i = 0; i < 200; i++) {
			transports.add("usb" + i);
		}
		response.put("transports", transports);
		Map<String, Object> sent = new LinkedHashMap<>(credential);
		sent.put("response", response);

		add(token, sent, null).then().statusCode(201);

		assertThat(creationOptions(token).get("excludeCredentials")).isEqualTo(List
			.of(Map.of("type", "public-key", "id", credential.get("id"), "transports", List.of("hybrid", "internal"))));
	}

	@Test
	void theSameRegistrationSentTwiceIsRefusedTheSecondTime() {
		String token = token(registered("again"));
		Map<String, Object> credential = this.authenticator.create(creationOptions(token), Ceremony.HONEST);

		add(token, credential, null).then().statusCode(201).body("label", equalTo("Passkey"));
		add(token, credential, null).then().statusCode(400).body("type", equalTo("/problems/passkey-refused"));
	}

	@Test
	void optionsOfOneAccountCannotBeFinishedIntoAnother() {
		String victim = token(registered("victim"));
		String attacker = token(registered("attacker"));
		Map<String, Object> credential = this.authenticator.create(creationOptions(victim), Ceremony.HONEST);

		add(attacker, credential, "stolen").then().statusCode(400).body("type", equalTo("/problems/passkey-refused"));
		api().auth().oauth2(attacker).get("/me/passkeys").then().statusCode(200).body("passkeys", empty());
		add(victim, credential, "mine").then().statusCode(201);
	}

	@Test
	void aPasskeyDeletedNoLongerLogsIn() {
		String token = token(registered("deleted"));
		String id = passkey(token);
		Map<String, Object> assertion = assertion(id, Ceremony.HONEST);

		api().auth().oauth2(token).delete("/me/passkeys/{id}", id).then().statusCode(204);

		loginWith(assertion).then().statusCode(401).body("type", equalTo("/problems/invalid-passkey"));
		api().auth().oauth2(token).get("/me/passkeys").then().statusCode(200).body("passkeys", empty());
		api().auth()
			.oauth2(token)
			.delete("/me/passkeys/{id}", id)
			.then()
			.statusCode(404)
			.body("type", equalTo("/problems/no-such-passkey"));
	}

	@Test
	void anotherAccountsPasskeyCannotBeDeleted() {
		String owner = token(registered("owner"));
		String id = passkey(owner);

		api().auth()
			.oauth2(token(registered("stranger")))
			.delete("/me/passkeys/{id}", id)
			.then()
			.statusCode(404)
			.body("type", equalTo("/problems/no-such-passkey"));
		loginWith(assertion(id, Ceremony.HONEST)).then().statusCode(200);
	}

	@Test
	void theListShowsEachPasskeyAndWhenItWasLastUsed() {
		String token = token(registered("list"));
		String first = passkey(token);
		this.clock.advance(Duration.ofMinutes(3));
		String second = passkey(token);
		loginWith(assertion(first, Ceremony.HONEST)).then().statusCode(200);

		api().auth()
			.oauth2(token)
			.get("/me/passkeys")
			.then()
			.statusCode(200)
			.body("passkeys", hasSize(2))
			.body("passkeys[0].id", equalTo(first))
			.body("passkeys[0].label", equalTo("Laptop"))
			.body("passkeys[0].lastUsedAt", notNullValue())
			.body("passkeys[1].id", equalTo(second))
			.body("passkeys[1].lastUsedAt", nullValue());
	}

	@Test
	void anAccountWithTotpLogsInWithAPasskeyAloneWithoutASecondStep() {
		Enrolled enrolled = enrolled("both");
		String token = secondStep("/login/totp", mfaToken(enrolled.name()), code(enrolled.secret())).then()
			.statusCode(200)
			.extract()
			.path("token");
		String id = passkey(token);

		loginWith(assertion(id, Ceremony.HONEST)).then()
			.statusCode(200)
			.body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
			.body("mfaRequired", nullValue());
	}

	@Test
	void aWrongOriginIsRefused() {
		String token = token(registered("origin"));
		Map<String, Object> phished = this.authenticator.create(creationOptions(token),
				Ceremony.HONEST.withOrigin("http://localhost:8081"));
		add(token, phished, null).then().statusCode(400).body("type", equalTo("/problems/passkey-refused"));

		String id = passkey(token);
		loginWith(assertion(id, Ceremony.HONEST.withOrigin("https://evil.example"))).then()
			.statusCode(401)
			.body("type", equalTo("/problems/invalid-passkey"));
	}

	@Test
	void aWrongRpIdIsRefused() {
		String token = token(registered("rpid"));
		Map<String, Object> elsewhere = this.authenticator.create(creationOptions(token),
				Ceremony.HONEST.withRpId("evil.example"));
		add(token, elsewhere, null).then().statusCode(400).body("type", equalTo("/problems/passkey-refused"));

		String id = passkey(token);
		loginWith(assertion(id, Ceremony.HONEST.withRpId("evil.example"))).then().statusCode(401);
	}

	@Test
	void aChallengeTheServiceNeverIssuedIsRefused() {
		String token = token(registered("forged"));
		String made = "A".repeat(43);
		Map<String, Object> credential = this.authenticator.create(creationOptions(token),
				Ceremony.HONEST.withChallenge(made));
		add(token, credential, null).then().statusCode(400).body("type", equalTo("/problems/passkey-refused"));

		String id = passkey(token);
		loginWith(assertion(id, Ceremony.HONEST.withChallenge(made))).then().statusCode(401);
	}

	@Test
	void anotherKeysSignatureIsRefused() {
		String token = token(registered("signature"));
		String id = passkey(token);
		String other = passkey(token);

		loginWith(assertion(id, Ceremony.HONEST.signedBy(other))).then().statusCode(401);
		loginWith(assertion(id, Ceremony.HONEST)).then().statusCode(200);
	}

	@Test
	void anotherUserHandleIsRefused() {
		String id = passkey(token(registered("handle")));
		String otherHandle = this.authenticator.userHandle(passkey(token(registered("handle-other"))));

		loginWith(assertion(id, Ceremony.HONEST.withUserHandle(otherHandle))).then().statusCode(401);
	}

	@Test
	void aChallengeOlderThanFiveMinutesIsRefused() {
		String token = token(registered("expired"));
		Map<String, Object> options = creationOptions(token);
		this.clock.advance(Duration.ofMinutes(5));
		add(token, this.authenticator.create(options, Ceremony.HONEST), null).then().statusCode(400);

		String id = passkey(token);
		Map<String, Object> loginOptions = requestOptions();
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		loginWith(this.authenticator.get(id, loginOptions, Ceremony.HONEST)).then().statusCode(401);
	}

	@Test
	void aSignatureCounterThatDoesNotGrowIsRefusedAndOneThatStaysZeroIsAccepted() {
		SoftwareAuthenticator counting = new SoftwareAuthenticator(true);
		String token = token(registered("counter"));
		Map<String, Object> credential = counting.create(creationOptions(token), Ceremony.HONEST);
		String id = add(token, credential, null).then().statusCode(201).extract().path("id");

		loginWith(counting.get(id, requestOptions(), Ceremony.HONEST.withCounter(5))).then().statusCode(200);
		loginWith(counting.get(id, requestOptions(), Ceremony.HONEST.withCounter(5))).then().statusCode(401);
		loginWith(counting.get(id, requestOptions(), Ceremony.HONEST.withCounter(4))).then().statusCode(401);
		loginWith(counting.get(id, requestOptions(), Ceremony.HONEST.withCounter(6))).then().statusCode(200);

		String zero = passkey(token);
		for (int i = 0; i < 3; i++) {
			loginWith(assertion(zero, Ceremony.HONEST)).then().statusCode(200);
		}
	}

	@Test
	void aFailedPasskeyLoginCountsTowardsTheAddresssFailedLogins() {
		String id = passkey(token(registered("address")));
		int before = this.addresses.failedLogins("127.0.0.1");

		loginWith(assertion(id, Ceremony.HONEST.withOrigin("https://evil.example"))).then().statusCode(401);
		loginWith(Map.of("id", "nothing")).then().statusCode(401);

		assertThat(this.addresses.failedLogins("127.0.0.1")).isEqualTo(before + 2);
		loginWith(assertion(id, Ceremony.HONEST)).then().statusCode(200);
		assertThat(this.addresses.failedLogins("127.0.0.1")).isEqualTo(before + 2);
	}

	@Test
	void aDeletedAccountsPasskeyNoLongerLogsIn() {
		String name = registered("gone");
		String token = token(name);
		String id = passkey(token);

		api().auth()
			.oauth2(token)
			.contentType(ContentType.JSON)
			.body(Map.of("password", PASSWORD))
			.delete("/me")
			.then()
			.statusCode(204);

		loginWith(assertion(id, Ceremony.HONEST)).then().statusCode(401);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void eachPasskeyEventIsALogLineAndAMetric(CapturedOutput output) {
		String name = registered("audited");
		String token = token(name);
		double logins = this.meters.counter("auth.logins", "outcome", "passkey").count();
		double failures = this.meters.counter("auth.logins", "outcome", "passkey-failure").count();

		String id = passkey(token);
		Map<String, Object> assertion = assertion(id, Ceremony.HONEST);
		loginWith(assertion).then().statusCode(200);
		loginWith(assertion).then().statusCode(401);
		api().auth().oauth2(token).delete("/me/passkeys/{id}", id).then().statusCode(204);

		assertThat(output.getOut()).contains("passkey outcome=added username=" + name,
				"login outcome=passkey username=" + name + " address=127.0.0.1",
				"login outcome=passkey-failure username=- address=127.0.0.1",
				"passkey outcome=deleted username=" + name);
		assertThat(this.meters.counter("auth.logins", "outcome", "passkey").count()).isEqualTo(logins + 1);
		assertThat(this.meters.counter("auth.logins", "outcome", "passkey-failure").count()).isEqualTo(failures + 1);
	}

	@Test
	void badRequestsAreRefusedWithProblems() {
		String token = token(registered("bad"));
		api().auth()
			.oauth2(token)
			.contentType(ContentType.JSON)
			.body(Map.of("label", "no credential"))
			.post("/me/passkeys")
			.then()
			.statusCode(400)
			.body("type", equalTo("/problems/invalid-fields"));
		add(token, Map.of("id", "x", "response", Map.of()), null).then()
			.statusCode(400)
			.body("type", equalTo("/problems/passkey-refused"));
		add(token, this.authenticator.create(creationOptions(token), Ceremony.HONEST), "x".repeat(65)).then()
			.statusCode(400)
			.body("type", equalTo("/problems/invalid-fields"));
		api().contentType(ContentType.JSON)
			.body("{\"credential\": \"a string\"}")
			.post("/login/passkey")
			.then()
			.statusCode(400)
			.body("type", not(equalTo("/problems/invalid-passkey")));
		api().post("/me/passkeys/options").then().statusCode(401).body("type", equalTo("/problems/invalid-token"));
	}

}
