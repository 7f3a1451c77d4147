package org.loginservice.login;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.loginservice.SecondFactorApiTest;
import org.loginservice.Simultaneous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** Logging in to an account with TOTP on: a right password, then a code. */
class SecondStepTests extends SecondFactorApiTest {

	@Test
	void loginWhenTotpOnThenOnlyAnMfaTokenAndNoDataNorToken() {
		Enrolled account = enrolled("two-step");

		for (Response login : new Response[] { login(account.name()),
				api().get("/login?username={u}&password={p}", account.name(), PASSWORD),
				api().formParam("username", account.name()).formParam("password", PASSWORD).post("/login") }) {
			login.then()
				.statusCode(200)
				.header("Cache-Control", "no-store")
				.body("mfaRequired", equalTo(true))
				.body("mfaToken", matchesPattern("[A-Za-z0-9_-]{43}"))
				.body("expiresAt", equalTo(this.clock.instant().plus(Duration.ofMinutes(5)).toString()))
				.body("$", not(hasKey("data")))
				.body("$", not(hasKey("token")));
		}
	}

	@Test
	void theMfaTokenIsNoBearerToken() {
		Enrolled account = enrolled("not-bearer");

		api().auth().oauth2(mfaToken(account.name())).get("/me").then().statusCode(401);
	}

	@Test
	void loginWithPasswordThenCodeThenATokenThatMeAccepts() {
		Enrolled account = enrolled("code-login");

		String token = secondStep("/login/totp", mfaToken(account.name()), code(account.secret())).then()
			.statusCode(200)
			.body("username", equalTo(account.name()))
			.body("data", equalTo("data of " + account.name()))
			.body("tokenType", equalTo("Bearer"))
			.extract()
			.path("token");
		api().auth()
			.oauth2(token)
			.get("/me")
			.then()
			.statusCode(200)
			.body("totp", equalTo(true))
			.body("recoveryCodesLeft", equalTo(10));
	}

	@Test
	void secondStepAlsoTakesAFormAndACodeWithASpace() {
		Enrolled account = enrolled("form-step");
		String code = code(account.secret());

		api().formParam("mfaToken", mfaToken(account.name()))
			.formParam("code", code.substring(0, 3) + " " + code.substring(3))
			.post("/login/totp")
			.then()
			.statusCode(200);
	}

	@Test
	void aCodeIsAcceptedOnceEvenWithANewMfaToken() {
		Enrolled account = enrolled("replay");
		String code = code(account.secret());
		secondStep("/login/totp", mfaToken(account.name()), code).then().statusCode(200);

		secondStep("/login/totp", mfaToken(account.name()), code).then()
			.statusCode(401)
			.body("type", equalTo("/problems/invalid-code"));

		this.clock.advance(STEP);
		secondStep("/login/totp", mfaToken(account.name()), code(account.secret())).then().statusCode(200);
	}

	@Test
	void aCodeOfTheStepBeforeOrAfterIsAcceptedButNotTwoAway() {
		Enrolled account = enrolled("skew");
		this.clock.advance(STEP);

		secondStep("/login/totp", mfaToken(account.name()), code(account.secret(), this.clock.instant().minus(STEP)))
			.then()
			.statusCode(200);
		secondStep("/login/totp", mfaToken(account.name()), code(account.secret(), this.clock.instant().plus(STEP)))
			.then()
			.statusCode(200);
		String mfaToken = mfaToken(account.name());
		secondStep("/login/totp", mfaToken, code(account.secret(), this.clock.instant().plus(STEP.multipliedBy(2))))
			.then()
			.statusCode(401);
	}

	@Test
	void anEarlierStepThanTheLastAcceptedIsRefused() {
		Enrolled account = enrolled("earlier");
		secondStep("/login/totp", mfaToken(account.name()), code(account.secret(), this.clock.instant().plus(STEP)))
			.then()
			.statusCode(200);

		secondStep("/login/totp", mfaToken(account.name()), code(account.secret())).then().statusCode(401);
	}

	@Test
	void fiveWrongCodesKillTheMfaToken() {
		Enrolled account = enrolled("five-wrong");
		String mfaToken = mfaToken(account.name());

		for (int i = 0; i < 5; i++) {
			secondStep("/login/totp", mfaToken, wrongCode(account.secret())).then()
				.statusCode(401)
				.body("type", equalTo("/problems/invalid-code"));
		}

		secondStep("/login/totp", mfaToken, code(account.secret())).then()
			.statusCode(401)
			.body("type", equalTo("/problems/invalid-mfa-token"));
	}

	@Test
	void simultaneousGuessesOnOneMfaTokenAreCheckedOneAtATimeAndFiveInAll() throws Exception {
		Enrolled account = enrolled("many-guesses");
		String mfaToken = mfaToken(account.name());
		String wrong = wrongCode(account.secret());

		List<String> types = Simultaneous.requests(24, (
				i) -> secondStep("/login/totp", mfaToken, wrong).then().statusCode(401).extract().<String>path("type"));

		// A guess that finds the token taken by another is refused unchecked.
		assertThat(types).containsOnly("/problems/invalid-code", "/problems/invalid-mfa-token");
		int checked = (int) types.stream().filter("/problems/invalid-code"::equals).count();
		assertThat(checked).isBetween(1, 5);
		for (int i = checked; i < 5; i++) {
			secondStep("/login/totp", mfaToken, wrong).then().body("type", equalTo("/problems/invalid-code"));
		}
		secondStep("/login/totp", mfaToken, code(account.secret())).then()
			.statusCode(401)
			.body("type", equalTo("/problems/invalid-mfa-token"));
	}

	@Test
	void simultaneousUsesOfOneRecoveryCodeThenExactlyOneSucceeds() throws Exception {
		Enrolled account = enrolled("raced-code");
		List<String> mfaTokens = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			mfaTokens.add(mfaToken(account.name()));
		}

		List<Integer> statuses = Simultaneous.requests(8,
				(i) -> secondStep("/login/recovery", mfaTokens.get(i), account.recoveryCodes().get(0)).statusCode());

		// The losers count as wrong codes: the name may lock (429) before the last of
		// them.
		assertThat(statuses).isSubsetOf(200, 401, 429);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
	}

	@Test
	void simultaneousUsesOfOneCodeThenExactlyOneSucceeds() throws Exception {
		Enrolled account = enrolled("raced-totp");
		List<String> mfaTokens = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			mfaTokens.add(mfaToken(account.name()));
		}
		String code = code(account.secret());

		List<Integer> statuses = Simultaneous.requests(8,
				(i) -> secondStep("/login/totp", mfaTokens.get(i), code).statusCode());

		// The losers count as wrong codes: the name may lock (429) before the last of
		// them.
		assertThat(statuses).isSubsetOf(200, 401, 429);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
	}

	@Test
	void theMfaTokenIsUsedOnceAndDiesAfterFiveMinutes() {
		Enrolled account = enrolled("token-life");
		String used = mfaToken(account.name());
		secondStep("/login/totp", used, code(account.secret())).then().statusCode(200);
		this.clock.advance(STEP);

		secondStep("/login/totp", used, code(account.secret())).then()
			.statusCode(401)
			.body("type", equalTo("/problems/invalid-mfa-token"));

		String stale = mfaToken(account.name());
		this.clock.advance(Duration.ofMinutes(5));
		secondStep("/login/totp", stale, code(account.secret())).then()
			.statusCode(401)
			.body("type", equalTo("/problems/invalid-mfa-token"));
	}

	@Test
	void wrongCodesLockTheNameAndARightPasswordDoesNotForgiveThem() {
		Enrolled account = enrolled("guesser");
		for (int i = 0; i < 5; i++) {
			secondStep("/login/totp", mfaToken(account.name()), wrongCode(account.secret())).then().statusCode(401);
		}

		login(account.name()).then().statusCode(429).body("type", equalTo("/problems/too-many-attempts"));
		this.clock.advance(Duration.ofSeconds(2));
		String mfaToken = mfaToken(account.name());
		secondStep("/login/totp", mfaToken, wrongCode(account.secret())).then().statusCode(401);
		login(account.name()).then().statusCode(429);
	}

	@Test
	void aWrongPasswordGetsTheSameAnswerWithTotpOnOrOff() {
		Enrolled withTotp = enrolled("wrong-with");
		String without = registered("wrong-without");

		String one = wrongPassword(withTotp.name()).then().statusCode(401).extract().asString();
		String other = wrongPassword(without).then().statusCode(401).extract().asString();

		assertThat(one).isEqualTo(other);
	}

	@Test
	void aRecoveryCodeWorksOnceWithoutCaseSpacesOrHyphens() {
		Enrolled account = enrolled("recovery");
		String typed = " " + account.recoveryCodes().get(3).toLowerCase().replace("-", " ") + " ";

		secondStep("/login/recovery", mfaToken(account.name()), typed).then()
			.statusCode(200)
			.body("username", equalTo(account.name()));

		secondStep("/login/recovery", mfaToken(account.name()), account.recoveryCodes().get(3)).then()
			.statusCode(401)
			.body("type", equalTo("/problems/invalid-code"));
		String token = secondStep("/login/recovery", mfaToken(account.name()), account.recoveryCodes().get(4)).then()
			.statusCode(200)
			.extract()
			.path("token");
		api().auth().oauth2(token).get("/me").then().body("recoveryCodesLeft", equalTo(8));
	}

	@Test
	void aCodeIsNoRecoveryCodeNorTheOtherWayRound() {
		Enrolled account = enrolled("crossed");

		secondStep("/login/recovery", mfaToken(account.name()), code(account.secret())).then().statusCode(401);
		secondStep("/login/totp", mfaToken(account.name()), account.recoveryCodes().get(0)).then().statusCode(401);
	}

	@Test
	void secondStepWithoutTheFieldsIsABadRequest() {
		api().contentType(ContentType.JSON)
			.body(Map.of("code", "123456"))
			.post("/login/totp")
			.then()
			.statusCode(400)
			.body("errors[0].field", equalTo("mfaToken"));
		secondStep("/login/totp", "not-a-token", "123456").then()
			.statusCode(401)
			.body("type", equalTo("/problems/invalid-mfa-token"));
	}

	@Test
	void aCodeInTheQueryStringIsRefusedAndTheMfaTokenLivesOn() {
		Enrolled account = enrolled("in-url");
		String mfaToken = mfaToken(account.name());

		for (String path : new String[] { "/login/recovery", "/login/totp" }) {
			RestAssured.given()
				.port(port())
				.contentType("application/x-www-form-urlencoded; charset=UTF-8")
				.formParam("mfaToken", mfaToken)
				.queryParam("code", account.recoveryCodes().get(0))
				.post(path)
				.then()
				.statusCode(400)
				.body("type", equalTo("/problems/invalid-fields"))
				.body("errors[0].field", equalTo("code"));
		}

		secondStep("/login/totp", mfaToken, code(account.secret())).then().statusCode(200);
	}

	private Response wrongPassword(String name) {
		return api().contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", "not the password at all"))
			.post("/login");
	}

}
