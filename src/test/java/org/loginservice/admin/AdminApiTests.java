package org.loginservice.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loginservice.SecondFactorApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The admin API on the management port, and the password reset it hands out codes for on
 * the public port.
 */
@TestPropertySource(properties = "auth.admin.token=" + AdminApiTests.ADMIN_TOKEN)
class AdminApiTests extends SecondFactorApiTest {

	static final String ADMIN_TOKEN = "test-admin-token-of-at-least-32-characters";

	private static final String NEW_PASSWORD = "amber falcon over the harbor";

	private static final String RESET_CODE = "[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}";

	private static final List<String[]> ROUTES = List.of(new String[] { "GET", "/admin/users" },
			new String[] { "GET", "/admin/users/ada" }, new String[] { "POST", "/admin/users/ada/unlock" },
			new String[] { "POST", "/admin/users/ada/revoke-sessions" },
			new String[] { "POST", "/admin/users/ada/password-reset" },
			new String[] { "DELETE", "/admin/users/ada/totp" }, new String[] { "DELETE", "/admin/users/ada" });

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private MeterRegistry meters;

	@Test
	void withoutTheTokenOrWithAWrongOneEveryAdminCallIs401() {
		for (String[] route : ROUTES) {
			for (RequestSpecification caller : new RequestSpecification[] { management(),
					management().auth().oauth2("not-the-" + ADMIN_TOKEN), management().auth().oauth2(ADMIN_TOKEN + "x"),
					management().auth().preemptive().basic("admin", ADMIN_TOKEN),
					management().header("Authorization", ADMIN_TOKEN) }) {
				caller.request(route[0], route[1])
					.then()
					.statusCode(401)
					.contentType("application/problem+json")
					.header("WWW-Authenticate", "Bearer realm=\"admin\"")
					.body("type", equalTo("/problems/invalid-token"));
			}
		}
	}

	@Test
	void nothingIsUnderAdminOnThePublicPort() {
		for (String[] route : ROUTES) {
			RestAssured.given()
				.port(port())
				.auth()
				.oauth2(ADMIN_TOKEN)
				.request(route[0], route[1])
				.then()
				.statusCode(404);
		}
	}

	@Test
	void listsAccountsNewestFirstAndFindsOne() {
		String prefix = uniqueName("listed");
		for (int i = 0; i < 3; i++) {
			registered(prefix);
			this.clock.advance(Duration.ofSeconds(1));
		}
		String newest = registered(prefix);
		token(newest);

		admin().get("/admin/users?query={q}", prefix.toUpperCase())
			.then()
			.statusCode(200)
			.header("Cache-Control", "no-store")
			.body("total", equalTo(4))
			.body("page", equalTo(0))
			.body("size", equalTo(20))
			.body("users", hasSize(4))
			.body("users[0].username", equalTo(newest))
			.body("users[0].lastLoginAt", equalTo(this.clock.instant().toString()))
			.body("users[1].lastLoginAt", nullValue())
			.body("users[0].locked", equalTo(false))
			.body("users[0].totp", equalTo(false))
			.body("users[0].passkeys", equalTo(0));
		admin().get("/admin/users?query={q}&page=1&size=3", prefix)
			.then()
			.statusCode(200)
			.body("users", hasSize(1))
			.body("total", equalTo(4));
		admin().get("/admin/users/{name}", newest)
			.then()
			.statusCode(200)
			.body("username", equalTo(newest))
			.body("createdAt", notNullValue());
		admin().get("/admin/users/{name}", uniqueName("nobody"))
			.then()
			.statusCode(404)
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/no-such-user"));
		for (String bad : new String[] { "size=0", "size=101", "page=-1", "page=x", "size=1e3" }) {
			admin().get("/admin/users?" + bad).then().statusCode(400).body("type", equalTo("/problems/invalid-fields"));
		}
	}

	@Test
	void unlockingALockedNameLetsItsNextRightLoginIn() {
		String name = registered("locked");
		for (int i = 0; i < 5; i++) {
			loginWith(name, "wrong password " + i).then().statusCode(401);
		}
		login(name).then().statusCode(429);
		admin().get("/admin/users/{name}", name).then().body("locked", equalTo(true));

		admin().post("/admin/users/{name}/unlock", name).then().statusCode(204);

		admin().get("/admin/users/{name}", name).then().body("locked", equalTo(false));
		login(name).then().statusCode(200);
	}

	@Test
	void revokingSessionsEndsEveryLiveTokenAtOnce() {
		String name = registered("revoked");
		String first = token(name);
		String second = token(name);

		admin().post("/admin/users/{name}/revoke-sessions", name).then().statusCode(204);

		for (String token : new String[] { first, second }) {
			api().auth().oauth2(token).get("/me").then().statusCode(401);
		}
		token(name);
	}

	@Test
	void aResetCodeSetsANewPasswordOnceAndNeverAgain() {
		String name = registered("reset");
		String session = token(name);
		String code = admin().post("/admin/users/{name}/password-reset", name)
			.then()
			.statusCode(200)
			.header("Cache-Control", "no-store")
			.body("resetCode", matchesPattern(RESET_CODE))
			.body("expiresAt", equalTo(this.clock.instant().plus(Duration.ofHours(24)).toString()))
			.extract()
			.path("resetCode");

		reset(name, code.toLowerCase().replace("-", " "), NEW_PASSWORD).then().statusCode(204);

		api().auth().oauth2(session).get("/me").then().statusCode(401);
		loginWith(name, PASSWORD).then().statusCode(401);
		loginWith(name, NEW_PASSWORD).then().statusCode(200);
		reset(name, code, "another " + NEW_PASSWORD).then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/invalid-reset-code"));
	}

	@Test
	void aWrongExpiredOrOtherAccountsCodeGetsTheSameAnswerAndCountsTowardTheLockout() {
		String name = registered("wrong-code");
		String other = registered("other-code");
		String expired = admin().post("/admin/users/{name}/password-reset", name).then().extract().path("resetCode");
		this.clock.advance(Duration.ofHours(24));
		String othersCode = admin().post("/admin/users/{name}/password-reset", other)
			.then()
			.extract()
			.path("resetCode");

		String[] answers = { reset(name, othersCode, NEW_PASSWORD).then().statusCode(400).extract().asString(),
				reset(name, expired, NEW_PASSWORD).then().statusCode(400).extract().asString(),
				reset(name, "not a code", NEW_PASSWORD).then().statusCode(400).extract().asString(),
				reset(uniqueName("nobody"), othersCode, NEW_PASSWORD).then().statusCode(400).extract().asString() };

		assertThat(answers).containsOnly(answers[0]);
		reset(name, "2222-2222-2222-2222", NEW_PASSWORD).then().statusCode(400);
		reset(name, "3333-3333-3333-3333", NEW_PASSWORD).then().statusCode(400);
		reset(name, "4444-4444-4444-4444", NEW_PASSWORD).then().statusCode(429);
		login(name).then().statusCode(429);
		reset(other, othersCode, NEW_PASSWORD).then().statusCode(204);
	}

	@Test
	void aNewPasswordMustPassThePolicy() {
		String name = registered("weak-reset");
		String code = admin().post("/admin/users/{name}/password-reset", name).then().extract().path("resetCode");

		reset(name, code, "password").then()
			.statusCode(400)
			.body("type", equalTo("/problems/invalid-fields"))
			.body("errors[0].field", equalTo("newPassword"));
		reset(name, code, NEW_PASSWORD).then().statusCode(204);
	}

	@Test
	void aResetKeepsTheSecondFactorAndRemovingItLetsThePasswordAloneIn() {
		Enrolled account = enrolled("reset-totp");
		String code = admin().post("/admin/users/{name}/password-reset", account.name())
			.then()
			.extract()
			.path("resetCode");

		reset(account.name(), code, NEW_PASSWORD).then().statusCode(204);
		loginWith(account.name(), NEW_PASSWORD).then().statusCode(200).body("mfaRequired", equalTo(true));
		admin().get("/admin/users/{name}", account.name()).then().body("totp", equalTo(true));

		admin().delete("/admin/users/{name}/totp", account.name()).then().statusCode(204);

		loginWith(account.name(), NEW_PASSWORD).then().statusCode(200).body("token", notNullValue());
		admin().get("/admin/users/{name}", account.name()).then().body("totp", equalTo(false));
	}

	@Test
	void deletingAnAccountEndsIt() {
		String name = registered("deleted");
		String token = token(name);

		admin().delete("/admin/users/{name}", name).then().statusCode(204);

		api().auth().oauth2(token).get("/me").then().statusCode(401);
		login(name).then().statusCode(401);
		admin().get("/admin/users/{name}", name).then().statusCode(404);
		admin().delete("/admin/users/{name}", name).then().statusCode(404);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void everyActionIsAnAuditLineAndAMetricAndNoneLogsTheCode(CapturedOutput output) {
		String name = registered("audited-admin");
		double resets = this.meters.counter("auth.admin.actions", "action", "password-reset").count();

		String code = admin().post("/admin/users/{name}/password-reset", name).then().extract().path("resetCode");
		admin().post("/admin/users/{name}/unlock", name).then().statusCode(204);
		reset(name, code, NEW_PASSWORD).then().statusCode(204);

		assertThat(output.getOut())
			.contains("admin action=password-reset username=" + name, "admin action=unlock username=" + name,
					"password-reset outcome=reset username=" + name)
			.doesNotContain(code)
			.doesNotContain(code.replace("-", ""));
		assertThat(this.meters.counter("auth.admin.actions", "action", "password-reset").count()).isEqualTo(resets + 1);
	}

	private RequestSpecification management() {
		return RestAssured.given().port(this.managementPort);
	}

	private RequestSpecification admin() {
		return management().auth().oauth2(ADMIN_TOKEN);
	}

	private Response loginWith(String name, String password) {
		return api().contentType(ContentType.JSON).body(Map.of("username", name, "password", password)).post("/login");
	}

	private Response reset(String name, String code, String newPassword) {
		return api().contentType(ContentType.JSON)
			.body(Map.of("username", name, "resetCode", code, "newPassword", newPassword))
			.post("/password-reset");
	}

}
