package org.loginservice.session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loginservice.ApiTest;
import org.loginservice.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** The life of an account through its bearer tokens, on a clock the tests move. */
@Import(MutableClock.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class SessionTests extends ApiTest {

	private static final String PASSWORD = "violet-Quartz-river-92";

	@Autowired
	private MutableClock clock;

	@Autowired
	private SessionService sessions;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void everyKindOfLoginReturnsABearerToken() {
		String name = registered("data of mine");

		for (Response login : new Response[] { api().get("/login?username={u}&password={p}", name, PASSWORD),
				api().formParam("username", name).formParam("password", PASSWORD).post("/login"), login(name) }) {
			login.then()
				.statusCode(200)
				.header("Cache-Control", "no-store")
				.body("username", equalTo(name))
				.body("data", equalTo("data of mine"))
				.body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
				.body("tokenType", equalTo("Bearer"))
				.body("expiresAt", equalTo(this.clock.instant().plus(Duration.ofHours(24)).toString()));
		}
	}

	@Test
	void meReturnsTheAccountOfTheToken() {
		String name = registered("hello");
		String token = token(name);

		me(token).then().statusCode(200).body("username", equalTo(name)).body("data", equalTo("hello"));
	}

	/**
	 * The stored value is the lower-case hex SHA-256 of the token's ASCII bytes, computed
	 * here with the JDK alone: not the token, and not some other digest of it.
	 */
	@Test
	void onlyTheSha256OfTheTokenIsStored() throws Exception {
		String name = registered("");
		String token = token(name);
		String sha256 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));

		assertThat(this.jdbc.queryForList(
				"SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = ?",
				String.class, name))
			.containsExactly(sha256)
			.doesNotContain(token);
		me(token).then().statusCode(200);
	}

	@Test
	void patchMeReplacesTheData() {
		String name = registered("old");
		String token = token(name);

		api().auth()
			.oauth2(token)
			.contentType(ContentType.JSON)
			.body(Map.of("data", "new"))
			.patch("/me")
			.then()
			.statusCode(200)
			.body("username", equalTo(name))
			.body("data", equalTo("new"));
		me(token).then().body("data", equalTo("new"));
		login(name).then().body("data", equalTo("new"));
		api().auth()
			.oauth2(token)
			.contentType(ContentType.JSON)
			.body(Map.of("data", "d".repeat(65_537)))
			.patch("/me")
			.then()
			.statusCode(400)
			.body("errors[0].field", equalTo("data"));
	}

	@Test
	void logoutKillsThatTokenAtOnceAndOnlyThatOne() {
		String name = registered("");
		String token = token(name);
		String other = token(name);

		api().auth().oauth2(token).post("/logout").then().statusCode(204);

		assertUnauthorized(me(token));
		me(other).then().statusCode(200);
	}

	@Test
	void missingMalformedOrUnknownTokensAreUnauthorized() {
		assertUnauthorized(api().get("/me"));
		assertUnauthorized(api().header("Authorization", "Basic dXNlcjpwYXNz").get("/me"));
		assertUnauthorized(api().header("Authorization", "Bearer not-a-token").get("/me"));
		assertUnauthorized(api().header("Authorization", "Bearer " + "A".repeat(43)).get("/me"));
		assertUnauthorized(api().post("/logout"));
	}

	@Test
	void tokenExpiresAfterADayUnused() {
		String token = token(registered(""));

		this.clock.advance(Duration.ofHours(23));
		me(token).then().statusCode(200);
		this.clock.advance(Duration.ofHours(23));
		me(token).then().statusCode(200);
		this.clock.advance(Duration.ofHours(24).plusSeconds(1));

		assertUnauthorized(me(token));
	}

	@Test
	void tokenExpiresThirtyDaysAfterLoginHoweverMuchItIsUsed() {
		String token = token(registered(""));
		for (int day = 1; day <= 30; day++) {
			this.clock.advance(Duration.ofDays(1).minusMinutes(1));
			me(token).then().statusCode(200);
		}

		// 30 days and a minute after the login, but used only 31 minutes ago.
		this.clock.advance(Duration.ofMinutes(31));

		assertUnauthorized(me(token));
	}

	@Test
	void expiredSessionsArePurged() {
		String token = token(registered(""));
		this.clock.advance(Duration.ofDays(2));

		this.sessions.purge();

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sessions WHERE last_used_at < ?", Integer.class,
				this.clock.instant().minus(Duration.ofDays(1)).atOffset(java.time.ZoneOffset.UTC)))
			.isZero();
		assertUnauthorized(me(token));
	}

	@Test
	void changePasswordRevokesEveryOtherSession() {
		String name = registered("");
		String token = token(name);
		String other = token(name);
		String next = "amber-Falcon-harbor-31";

		changePassword(token, PASSWORD, next).then().statusCode(204);

		me(token).then().statusCode(200);
		assertUnauthorized(me(other));
		login(name, PASSWORD).then().statusCode(401);
		login(name, next).then().statusCode(200);
	}

	@Test
	void changePasswordNeedsTheCurrentOneAndAGoodNewOne() throws Exception {
		String name = registered("");
		String token = token(name);

		changePassword(token, "not my password", "amber-Falcon-harbor-31").then()
			.statusCode(403)
			.body("type", equalTo("/problems/wrong-password"));
		changePassword(token, PASSWORD, "passwordpassword").then()
			.statusCode(400)
			.body("errors[0].field", equalTo("newPassword"));
		changePassword(token, PASSWORD, name + "-Xq7-long-enough").then()
			.statusCode(400)
			.body("errors.detail", org.hamcrest.Matchers.hasItem("must not contain your username"));
		assertThat(bodilessPost("/me/password", token)).as("no body, no Content-Type: missing, not unsupported")
			.isEqualTo(400);
		login(name, PASSWORD).then().statusCode(200);
	}

	@Test
	void wrongCurrentPasswordCountsTowardsTheLockout() {
		String name = registered("");
		String token = token(name);
		for (int i = 0; i < 5; i++) {
			changePassword(token, "guess " + i, "amber-Falcon-harbor-31").then().statusCode(403);
		}

		changePassword(token, PASSWORD, "amber-Falcon-harbor-31").then().statusCode(429);
		login(name, PASSWORD).then().statusCode(429);
	}

	@Test
	void deleteMeRemovesTheAccountAndEverySessionAndFreesTheName() {
		String name = registered("");
		String token = token(name);
		String other = token(name);

		delete(token, "not my password").then().statusCode(403);
		delete(token, PASSWORD).then().statusCode(204);

		assertUnauthorized(me(token));
		assertUnauthorized(me(other));
		login(name, PASSWORD).then().statusCode(401);
		api().post("/register?username={u}&password={p}", name, "amber-Falcon-harbor-31").then().statusCode(201);
	}

	@Test
	void tokensNeverReachTheLog(CapturedOutput output) {
		String name = registered("");
		String token = token(name);
		me(token);
		api().auth().oauth2(token).post("/logout");
		me(token);

		assertThat(output.getAll()).doesNotContain(token);
	}

	private void assertUnauthorized(Response response) {
		response.then()
			.statusCode(401)
			.header("WWW-Authenticate", "Bearer")
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/invalid-token"));
	}

	private String registered(String data) {
		String name = uniqueName("session");
		api().post("/register?username={u}&password={p}&data={d}", name, PASSWORD, data).then().statusCode(201);
		return name;
	}

	private String token(String name) {
		return login(name).then().statusCode(200).extract().path("token");
	}

	private Response login(String name) {
		return login(name, PASSWORD);
	}

	private Response login(String name, String password) {
		return api().contentType(ContentType.JSON).body(Map.of("username", name, "password", password)).post("/login");
	}

	/** As curl -X POST sends it: no body and no Content-Type (REST Assured adds one). */
	private int bodilessPost(String path, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private Response me(String token) {
		return api().auth().oauth2(token).get("/me");
	}

	private Response changePassword(String token, String current, String next) {
		return api().auth()
			.oauth2(token)
			.contentType(ContentType.JSON)
			.body(Map.of("currentPassword", current, "newPassword", next))
			.post("/me/password");
	}

	private Response delete(String token, String password) {
		return api().auth()
			.oauth2(token)
			.contentType(ContentType.JSON)
			.body(Map.of("password", password))
			.delete("/me");
	}

}
