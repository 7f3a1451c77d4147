package org.loginservice.account;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.loginservice.SecondFactorApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/** Turning a second factor on and off, and what an account with one keeps. */
class SecondFactorTests extends SecondFactorApiTest {

	private static final String GROUPED = "[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}";

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void enrolGivesASecretItsUriAndItsQrCodeAndEnforcesNothingYet() {
		String name = registered("enrol");
		String token = token(name);

		Response enrolment = post(token, "/me/totp", Map.of("password", PASSWORD));

		enrolment.then()
			.statusCode(200)
			.header("Cache-Control", "no-store")
			.body("secret", matchesPattern("[A-Z2-7]{32}"))
			.body("qrCode", startsWith("data:image/svg+xml;base64,"));
		String secret = enrolment.path("secret");
		assertThat((String) enrolment.path("otpauthUri")).isEqualTo("otpauth://totp/login-service:" + name + "?secret="
				+ secret + "&issuer=login-service&algorithm=SHA1&digits=6&period=30");
		login(name).then().statusCode(200).body("data", equalTo("data of " + name));
		me(token).then().body("totp", equalTo(false)).body("recoveryCodesLeft", equalTo(0));
	}

	@Test
	void confirmGivesTenGroupedRecoveryCodesAndTurnsTotpOn() {
		String name = registered("confirm");
		String token = token(name);
		String secret = enrol(token);

		List<String> codes = confirm(token, code(secret)).then()
			.statusCode(200)
			.header("Cache-Control", "no-store")
			.body("recoveryCodes", hasSize(10))
			.extract()
			.path("recoveryCodes");

		assertThat(codes).allMatch((code) -> code.matches(GROUPED)).doesNotHaveDuplicates();
		me(token).then().body("totp", equalTo(true)).body("recoveryCodesLeft", equalTo(10));
		login(name).then().statusCode(200).body("mfaRequired", equalTo(true));
	}

	@Test
	void enrolNeedsTheRightPassword() {
		String token = token(registered("enrol-wrong"));

		post(token, "/me/totp", Map.of("password", "not the password")).then()
			.statusCode(403)
			.body("type", equalTo("/problems/wrong-password"));
		post(token, "/me/totp", Map.of()).then().statusCode(400);
		api().contentType(ContentType.JSON).body(Map.of("password", PASSWORD)).post("/me/totp").then().statusCode(401);
	}

	@Test
	void enrollingAgainReplacesTheSecretUntilConfirmed() {
		String token = token(registered("re-enrol"));
		String first = enrol(token);
		String second = enrol(token);

		confirm(token, code(first)).then().statusCode(403).body("type", equalTo("/problems/wrong-code"));
		confirm(token, code(second)).then().statusCode(200);
		post(token, "/me/totp", Map.of("password", PASSWORD)).then()
			.statusCode(409)
			.body("type", equalTo("/problems/totp-enabled"));
	}

	@Test
	void confirmWithoutAnEnrolmentIsAConflict() {
		String token = token(registered("no-enrolment"));

		confirm(token, "123456").then().statusCode(409).body("type", equalTo("/problems/no-totp"));
		delete(token, Map.of("password", PASSWORD, "code", "123456")).then()
			.statusCode(409)
			.body("type", equalTo("/problems/no-totp"));
		post(token, "/me/recovery-codes", Map.of("password", PASSWORD)).then().statusCode(409);
	}

	@Test
	void newRecoveryCodesKillTheOldSet() {
		Enrolled account = enrolled("new-codes");
		String token = tokenWithCode(account);

		List<String> fresh = post(token, "/me/recovery-codes", Map.of("password", PASSWORD)).then()
			.statusCode(200)
			.body("recoveryCodes", hasSize(10))
			.extract()
			.path("recoveryCodes");

		assertThat(fresh).doesNotContainAnyElementsOf(account.recoveryCodes());
		secondStep("/login/recovery", mfaToken(account.name()), account.recoveryCodes().get(0)).then().statusCode(401);
		secondStep("/login/recovery", mfaToken(account.name()), fresh.get(0)).then().statusCode(200);
	}

	@Test
	void turnOffWithACodeThenLoginNeedsThePasswordAlone() {
		Enrolled account = enrolled("turn-off");
		String token = tokenWithCode(account);
		this.clock.advance(STEP);

		delete(token, Map.of("password", PASSWORD, "code", wrongCode(account.secret()))).then()
			.statusCode(403)
			.body("type", equalTo("/problems/wrong-code"));
		delete(token, Map.of("password", "not the password", "code", code(account.secret()))).then()
			.statusCode(403)
			.body("type", equalTo("/problems/wrong-password"));
		delete(token, Map.of("password", PASSWORD, "code", code(account.secret()))).then().statusCode(204);

		login(account.name()).then().statusCode(200).body("data", equalTo("data of " + account.name()));
		me(token).then().body("totp", equalTo(false)).body("recoveryCodesLeft", equalTo(0));
		assertThat(rows("recovery_codes", account.name())).isZero();
	}

	@Test
	void aLostAuthenticatorIsTurnedOffWithARecoveryCodeAndEnrolledAgain() {
		Enrolled account = enrolled("lost-phone");
		String token = secondStep("/login/recovery", mfaToken(account.name()), account.recoveryCodes().get(0)).then()
			.statusCode(200)
			.extract()
			.path("token");

		delete(token, Map.of("password", PASSWORD, "code", account.recoveryCodes().get(1))).then().statusCode(204);

		String secret = enrol(token);
		confirm(token, code(secret)).then().statusCode(200);
	}

	@Test
	void changingThePasswordKeepsTotpOnAndEndsOtherSessions() {
		Enrolled account = enrolled("change");
		String kept = tokenWithCode(account);
		this.clock.advance(STEP);
		String other = tokenWithCode(account);
		String newPassword = "amber-Fjord-lantern-47";

		post(kept, "/me/password", Map.of("currentPassword", PASSWORD, "newPassword", newPassword)).then()
			.statusCode(204);

		me(other).then().statusCode(401);
		me(kept).then().body("totp", equalTo(true));
		api().contentType(ContentType.JSON)
			.body(Map.of("username", account.name(), "password", newPassword))
			.post("/login")
			.then()
			.statusCode(200)
			.body("mfaRequired", equalTo(true));
	}

	@Test
	void changingThePasswordOrTheFactorEndsLoginsWaitingForTheirSecondStep() {
		Enrolled account = enrolled("pending");
		String token = tokenWithCode(account);
		this.clock.advance(STEP);
		String beforePasswordChange = mfaToken(account.name());
		post(token, "/me/password", Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD + "!")).then()
			.statusCode(204);
		post(token, "/me/password", Map.of("currentPassword", PASSWORD + "!", "newPassword", PASSWORD)).then()
			.statusCode(204);

		secondStep("/login/totp", beforePasswordChange, code(account.secret())).then()
			.statusCode(401)
			.body("type", equalTo("/problems/invalid-mfa-token"));

		String beforeTurningOff = mfaToken(account.name());
		delete(token, Map.of("password", PASSWORD, "code", code(account.secret()))).then().statusCode(204);
		String secret = enrol(token);
		confirm(token, code(secret)).then().statusCode(200);
		this.clock.advance(STEP);
		secondStep("/login/totp", beforeTurningOff, code(secret)).then()
			.statusCode(401)
			.body("type", equalTo("/problems/invalid-mfa-token"));
	}

	@Test
	void deletingTheAccountDeletesItsFactors() {
		Enrolled account = enrolled("deleted");
		String token = tokenWithCode(account);
		String mfaToken = mfaToken(account.name());
		long userId = userId(account.name());

		delete(token, "/me", Map.of("password", PASSWORD)).then().statusCode(204);

		for (String table : List.of("totp_factors", "recovery_codes", "pending_logins")) {
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?", Integer.class,
					userId))
				.as(table)
				.isZero();
		}
		secondStep("/login/totp", mfaToken, code(account.secret())).then().statusCode(401);
	}

	@Test
	void theDatabaseHoldsNeitherTheSecretNorAnyRecoveryCode() {
		Enrolled account = enrolled("at-rest");
		long userId = userId(account.name());

		String sealed = this.jdbc.queryForObject("SELECT sealed_secret FROM totp_factors WHERE user_id = ?",
				String.class, userId);
		List<String> hashes = this.jdbc.queryForList("SELECT code_hash FROM recovery_codes WHERE user_id = ?",
				String.class, userId);

		assertThat(sealed).doesNotContain(account.secret());
		assertThat(sealed.length()).isGreaterThan(40);
		assertThat(hashes).hasSize(10).allMatch((hash) -> hash.matches("[0-9a-f]{64}"));
		for (String code : account.recoveryCodes()) {
			assertThat(hashes).noneMatch((hash) -> hash.contains(code.replace("-", "")));
		}
	}

	private String tokenWithCode(Enrolled account) {
		return secondStep("/login/totp", mfaToken(account.name()), code(account.secret())).then()
			.statusCode(200)
			.extract()
			.path("token");
	}

	private Response post(String token, String path, Map<String, String> body) {
		return api().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path);
	}

	private Response delete(String token, Map<String, String> body) {
		return delete(token, "/me/totp", body);
	}

	private Response delete(String token, String path, Map<String, String> body) {
		return api().auth().oauth2(token).contentType(ContentType.JSON).body(body).delete(path);
	}

	private Response me(String token) {
		return api().auth().oauth2(token).get("/me");
	}

	private long userId(String name) {
		return this.jdbc.queryForObject("SELECT id FROM users WHERE username = ?", Long.class, name);
	}

	private int rows(String table, String name) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?", Integer.class,
				userId(name));
	}

}
