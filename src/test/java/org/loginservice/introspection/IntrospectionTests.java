package org.loginservice.introspection;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loginservice.SecondFactorApiTest;
import org.loginservice.session.OpaqueTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code POST /introspect} over real HTTP, as RFC 7662 has a resource server ask: a form
 * with the token, HTTP Basic as one of the configured resource servers. The clock is one
 * the tests move.
 */
@TestPropertySource(properties = { "auth.introspection.clients.orders=" + IntrospectionTests.SECRET,
		"auth.introspection.clients.billing=" + IntrospectionTests.OTHER_SECRET })
@ExtendWith(OutputCaptureExtension.class)
class IntrospectionTests extends SecondFactorApiTest {

	/**
	 * As {@code openssl rand -base64 32} makes them: with {@code +}, {@code /} and
	 * {@code =}.
	 */
	static final String SECRET = "q7+Jm/2x9kVbE4wYtR1nZ8cLpH3sD6fG0aUoIeWq5Ts=";

	static final String OTHER_SECRET = "Zx0v/9Qb+Lm3Nc8Rt7Yw2Ks6Hd1Pf5Ga4Je0Ui+oAw=";

	private static final String INACTIVE = "{\"active\":false}";

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry meters;

	@Test
	void liveTokenIsActiveWithItsAccountAndTimes() {
		String name = registered("introspected");
		Instant loggedIn = this.clock.instant();
		Response login = login(name).then().statusCode(200).extract().response();

		Response answer = introspect(login.path("token")).then()
			.statusCode(200)
			.contentType(ContentType.JSON)
			.header("Cache-Control", "no-store")
			.body("active", equalTo(true))
			.body("sub", equalTo(name))
			.body("username", equalTo(name))
			.body("token_type", equalTo("Bearer"))
			.extract()
			.response();

		assertThat(answer.jsonPath().getLong("exp")).isEqualTo(Instant.parse(login.path("expiresAt")).getEpochSecond())
			.isEqualTo(loggedIn.plus(Duration.ofHours(24)).getEpochSecond());
		assertThat(answer.jsonPath().getLong("iat")).isEqualTo(loggedIn.getEpochSecond());
		assertThat(answer.jsonPath().getMap("")).containsOnlyKeys("active", "sub", "username", "exp", "iat",
				"token_type");
	}

	@Test
	void tokenAfterLogoutIsInactive() {
		String token = token(registered("introspected"));
		introspect(token).then().statusCode(200).body("active", equalTo(true));

		api().auth().oauth2(token).post("/logout").then().statusCode(204);

		assertInactive(introspect(token));
	}

	@Test
	void unknownAndMalformedTokensAreInactive() {
		assertInactive(introspect(OpaqueTokens.generate()));
		assertInactive(introspect("not a token"));
		assertInactive(introspect("x".repeat(10_000)));
	}

	@Test
	void expiredTokenIsInactive() {
		String token = token(registered("introspected"));

		this.clock.advance(Duration.ofHours(24));

		assertInactive(introspect(token));
	}

	@Test
	void mfaTokenOfAPendingSecondStepIsInactive() {
		Enrolled enrolled = enrolled("introspected");
		String mfaToken = mfaToken(enrolled.name());

		assertInactive(introspect(mfaToken));
		secondStep("/login/totp", mfaToken, code(enrolled.secret())).then().statusCode(200);
	}

	/**
	 * An introspection is no use of the session: its last use stays as it was, which a
	 * request of the token's own (to {@code /me}) does move.
	 */
	@Test
	void introspectionLeavesTheLastUseAsItWas() {
		String token = token(registered("introspected"));
		OffsetDateTime loggedIn = lastUsed(token);
		this.clock.advance(Duration.ofMinutes(10));

		introspect(token).then().statusCode(200).body("active", equalTo(true));
		assertThat(lastUsed(token)).isEqualTo(loggedIn);

		api().auth().oauth2(token).get("/me").then().statusCode(200);
		assertThat(lastUsed(token)).isAfter(loggedIn);
	}

	@Test
	void introspectionsDoNotKeepATokenAlive() {
		String token = token(registered("introspected"));
		Instant loggedIn = this.clock.instant();

		this.clock.advance(Duration.ofHours(23));
		long exp = introspect(token).then()
			.statusCode(200)
			.body("active", equalTo(true))
			.extract()
			.jsonPath()
			.getLong("exp");
		assertThat(exp).isEqualTo(loggedIn.plus(Duration.ofHours(24)).getEpochSecond());
		this.clock.advance(Duration.ofHours(1));

		assertInactive(introspect(token));
	}

	@Test
	void everyResourceServerOfTheSettingsMayAsk() {
		String token = token(registered("introspected"));

		introspect(token, basic("billing", OTHER_SECRET)).then().statusCode(200).body("active", equalTo(true));
	}

	/** RFC 6749 §2.3.1: form-encoded before Basic, as Spring Security sends them. */
	@Test
	void formEncodedCredentialsAreTakenToo() {
		String token = token(registered("introspected"));
		String encoded = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
		assertThat(encoded).isNotEqualTo(SECRET);

		introspect(token, basic("orders", encoded)).then().statusCode(200).body("active", equalTo(true));
	}

	@Test
	void anyoneButAConfiguredResourceServerIsRefusedBeforeTheTokenIsRead() {
		String token = token(registered("introspected"));

		for (String authorization : new String[] { basic("orders", OTHER_SECRET), basic("orders", SECRET + "x"),
				basic("nobody", SECRET), basic("Orders", SECRET), "Bearer " + token,
				"Basic " + Base64.getEncoder().encodeToString(("orders" + SECRET).getBytes(StandardCharsets.UTF_8)),
				"Basic %%%", null }) {
			Response answer = (authorization != null) ? introspect(token, authorization)
					: api().contentType(ContentType.URLENC).formParam("token", token).post("/introspect");
			assertInvalidClient(answer);
		}
		assertInvalidClient(api().header("Authorization", basic("orders", OTHER_SECRET))
			.contentType(ContentType.URLENC)
			.formParam("token_type_hint", "access_token")
			.post("/introspect"));
	}

	@Test
	void missingTokenIsAnInvalidField() {
		api().header("Authorization", basic("orders", SECRET))
			.contentType(ContentType.URLENC)
			.formParam("token_type_hint", "access_token")
			.post("/introspect")
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/invalid-fields"))
			.body("errors[0].field", equalTo("token"));
	}

	/** Proxies and logs keep URLs: the token goes in a form body, and only there. */
	@Test
	void tokenInTheQueryStringIsRefused() throws Exception {
		String token = token(registered("introspected"));

		api().header("Authorization", basic("orders", SECRET))
			.contentType(ContentType.URLENC)
			.formParam("token_type_hint", "access_token")
			.post("/introspect?token={token}", token)
			.then()
			.statusCode(400)
			.body("type", equalTo("/problems/invalid-fields"))
			.body("errors[0].field", equalTo("token"));
		HttpRequest bare = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port() + "/introspect?token=" + token))
			.header("Authorization", basic("orders", SECRET))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		assertThat(HttpClient.newHttpClient().send(bare, HttpResponse.BodyHandlers.discarding()).statusCode())
			.isEqualTo(415);
		api().header("Authorization", basic("orders", SECRET))
			.contentType(ContentType.JSON)
			.body(Map.of("token", token))
			.post("/introspect")
			.then()
			.statusCode(415);
	}

	@Test
	void eachIntrospectionIsCountedAndLoggedWithItsClientNeverItsToken(CapturedOutput output) {
		String name = registered("introspected");
		String token = token(name);
		double active = count("orders", "active");
		double inactive = count("orders", "inactive");
		double refused = count("orders", "refused");
		double stranger = count("-", "refused");

		introspect(token).then().statusCode(200);
		introspect(OpaqueTokens.generate()).then().statusCode(200);
		introspect(token, basic("orders", OTHER_SECRET)).then().statusCode(401);
		introspect(token, basic("nobody", SECRET)).then().statusCode(401);

		assertThat(count("orders", "active")).isEqualTo(active + 1);
		assertThat(count("orders", "inactive")).isEqualTo(inactive + 1);
		assertThat(count("orders", "refused")).isEqualTo(refused + 1);
		assertThat(count("-", "refused")).isEqualTo(stranger + 1);
		assertThat(output.getAll()).contains("introspect outcome=active client=orders username=" + name)
			.contains("introspect outcome=inactive client=orders")
			.contains("introspect outcome=refused client=orders address=")
			.contains("introspect outcome=refused client=- address=")
			.doesNotContain(token)
			.doesNotContain("nobody")
			.doesNotContain(SECRET)
			.doesNotContain(OTHER_SECRET);
	}

	private Response introspect(String token) {
		return introspect(token, basic("orders", SECRET));
	}

	private Response introspect(String token, String authorization) {
		return api().header("Authorization", authorization)
			.contentType(ContentType.URLENC)
			.formParam("token", token)
			.post("/introspect");
	}

	private static String basic(String name, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((name + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private static void assertInactive(Response answer) {
		answer.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "no-store");
		assertThat(answer.asString()).isEqualTo(INACTIVE);
	}

	private static void assertInvalidClient(Response answer) {
		answer.then()
			.statusCode(401)
			.contentType("application/problem+json")
			.header("WWW-Authenticate", "Basic realm=\"introspection\"")
			.body("type", equalTo("/problems/invalid-client"));
	}

	private OffsetDateTime lastUsed(String token) {
		return this.jdbc.queryForObject("SELECT last_used_at FROM sessions WHERE token_hash = ?", OffsetDateTime.class,
				OpaqueTokens.hash(token));
	}

	private double count(String client, String outcome) {
		return this.meters.get("auth.introspections").tag("client", client).tag("outcome", outcome).counter().count();
	}

}
