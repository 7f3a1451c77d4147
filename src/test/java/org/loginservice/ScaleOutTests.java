package org.loginservice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.loginservice.SecondFactorApiTest.Enrolled;
import org.loginservice.challenge.Solver;
import org.loginservice.passkey.SoftwareAuthenticator;
import org.loginservice.passkey.SoftwareAuthenticator.Ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two instances of the service, as real processes, on one PostgreSQL database behave as
 * one service.
 */
@EnabledIfSystemProperty(named = "test.postgres.url", matches = ".+")
class ScaleOutTests {

	private static final String PASSWORD = "violet-Quartz-river-92";

	/** One key on every instance, as the README asks. */
	private static final String TOTP_KEY = "c2NhbGUtb3V0LXRlc3RzLXRvdHAta2V5LTMyLWJ5dGU=";

	@TempDir
	private static Path workingDirectory;

	private static String url;

	private static ServiceProcess.Server one;

	private static ServiceProcess.Server two;

	@BeforeAll
	static void start() throws Exception {
		url = TestDatabase.create();
		one = serve("one");
		two = serve("two");
	}

	@AfterAll
	static void stop() throws Exception {
		for (ServiceProcess.Server server : new ServiceProcess.Server[] { one, two }) {
			if (server != null) {
				server.close();
			}
		}
	}

	@Test
	void anAccountMadeOnOneLogsInOnTheOther() {
		register(one, "shared1").then().statusCode(201);

		login(two, "shared1", PASSWORD).then().statusCode(200);
	}

	@Test
	void tokensAndLogoutsAreShared() {
		register(one, "tokens1").then().statusCode(201);
		String token = login(one, "tokens1", PASSWORD).then().statusCode(200).extract().path("token");

		me(two, token).then().statusCode(200);
		RestAssured.given().port(two.port()).auth().oauth2(token).post("/logout").then().statusCode(204);

		me(one, token).then().statusCode(401);
	}

	@Test
	void lockoutsAreShared() {
		register(one, "locked1").then().statusCode(201);
		for (int i = 0; i < 5; i++) {
			login((i % 2 == 0) ? one : two, "locked1", "wrong " + i).then().statusCode(401);
		}

		login(one, "locked1", PASSWORD).then().statusCode(429);
		login(two, "locked1", PASSWORD).then().statusCode(429);
	}

	@Test
	void simultaneousFailuresOnBothInstancesAreAllCounted() throws Exception {
		List<Integer> statuses = Simultaneous.requests(4,
				(i) -> login((i % 2 == 0) ? one : two, "counted1", "wrong " + i).statusCode());

		assertThat(statuses).containsOnly(401);
		assertThat(failures("counted1")).isEqualTo(4);
	}

	@Test
	void simultaneousGuessesAtTheLockoutEdgeOnBothInstancesGetOneCheck() throws Exception {
		register(one, "raced1").then().statusCode(201);
		for (int i = 0; i < 4; i++) {
			login((i % 2 == 0) ? one : two, "raced1", "wrong " + i).then().statusCode(401);
		}

		List<Integer> statuses = Simultaneous.requests(16,
				(i) -> login((i % 2 == 0) ? one : two, "raced1", "simultaneous " + i).statusCode());

		assertThat(statuses).containsOnly(401, 429);
		assertThat(statuses).filteredOn((status) -> status == 401).hasSize(1);
		assertThat(failures("raced1")).isEqualTo(5);
		login(one, "raced1", PASSWORD).then().statusCode(429);
		login(two, "raced1", PASSWORD).then().statusCode(429);
	}

	@Test
	void simultaneousRegistrationsOfOneNameOnBothInstancesMakeOneAccount() throws Exception {
		List<Integer> statuses = Simultaneous.requests(16,
				(i) -> register((i % 2 == 0) ? one : two, "contested1").statusCode());

		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
	}

	@Test
	void aChallengeIssuedByOneIsTakenByTheOtherAndOnlyOnce() throws Exception {
		String solution = Solver.solve(challenge(one));

		register(two, "challenged1", solution).then().statusCode(201);
		register(one, "challenged2", solution).then().statusCode(403).body("reason", equalTo("replayed"));
	}

	@Test
	void simultaneousUsesOfOneSolutionOnBothInstancesThenExactlyOneSucceeds() throws Exception {
		String solution = Solver.solve(challenge(two));

		List<Integer> statuses = Simultaneous.requests(8,
				(i) -> register((i % 2 == 0) ? one : two, "replay" + i, solution).statusCode());

		assertThat(statuses).containsOnly(201, 403);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
	}

	@Test
	void aCodeAcceptedByOneIsRefusedByTheOther() {
		Enrolled account = enrolled("replayed-code");
		String code = SecondFactorApiTest.code(account.secret(), Instant.now());

		secondStep(one, "/login/totp", mfaToken(two, account.name()), code).then().statusCode(200);
		secondStep(two, "/login/totp", mfaToken(one, account.name()), code).then().statusCode(401);
	}

	@Test
	void simultaneousUsesOfOneRecoveryCodeOnBothInstancesThenExactlyOneSucceeds() throws Exception {
		Enrolled account = enrolled("raced-recovery");
		List<String> mfaTokens = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			mfaTokens.add(mfaToken((i % 2 == 0) ? one : two, account.name()));
		}

		List<Integer> statuses = Simultaneous.requests(8, (i) -> secondStep((i % 2 == 0) ? two : one, "/login/recovery",
				mfaTokens.get(i), account.recoveryCodes().get(0))
			.statusCode());

		// The losers count as wrong codes: the name may lock (429) before the last of
		// them.
		assertThat(statuses).isSubsetOf(200, 401, 429);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
	}

	@Test
	void aPasskeyCeremonyBegunOnOneIsFinishedOnTheOther() {
		Map<String, Object> assertion = assertion("passkey-owner", one, two);

		String passkeyToken = post(two, "/login/passkey", null, Map.of("credential", assertion)).then()
			.statusCode(200)
			.extract()
			.path("token");

		me(one, passkeyToken).then().statusCode(200).body("username", equalTo("passkey-owner"));
		post(one, "/login/passkey", null, Map.of("credential", assertion)).then().statusCode(401);
	}

	@Test
	void simultaneousUsesOfOneAssertionOnBothInstancesThenExactlyOneSucceeds() throws Exception {
		Map<String, Object> assertion = assertion("passkey-raced", two, one);

		List<Integer> statuses = Simultaneous.requests(8,
				(i) -> post((i % 2 == 0) ? one : two, "/login/passkey", null, Map.of("credential", assertion))
					.statusCode());

		assertThat(statuses).containsOnly(200, 401);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
	}

	@Test
	void killingOneInstanceLosesNothingItAcknowledged() throws Exception {
		List<String> names = new ArrayList<>();
		String token;
		try (ServiceProcess.Server three = serve("three")) {
			for (int i = 0; i < 10; i++) {
				register(three, "victim" + i).then().statusCode(201);
				names.add("victim" + i);
			}
			token = login(three, "victim0", PASSWORD).then().statusCode(200).extract().path("token");
			three.kill();
		}

		for (String name : names) {
			login(two, name, PASSWORD).then().statusCode(200);
		}
		me(one, token).then().statusCode(200);
	}

	private static ServiceProcess.Server serve(String name) throws Exception {
		Path directory = workingDirectory.resolve(name);
		Files.createDirectories(directory);
		return ServiceProcess.in(directory)
			.serve("--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.user(),
					"--spring.datasource.password=" + TestDatabase.password(),
					"--auth.throttle.registrations-per-address=1000", "--auth.throttle.failed-logins-per-address=1000",
					// A lockout that outlasts a burst on a busy machine, and a hashing
					// queue that sheds none of it.
					"--auth.throttle.first-lockout=10m", "--auth.hashing.queue=32",
					// Challenges never needed, at a work solved in milliseconds: a
					// solution
					// sent is checked all the same.
					"--auth.challenge.mode=adaptive", "--auth.challenge.free-registrations=100000",
					"--auth.challenge.free-failed-logins=100000", "--auth.challenge.cost=10",
					"--auth.challenge.min-work=4", "--auth.totp.encryption-key=" + TOTP_KEY);
	}

	/**
	 * An account with TOTP on, enrolled through one instance and confirmed through the
	 * other: both read the secret with the one key.
	 */
	private static Enrolled enrolled(String name) {
		register(one, name).then().statusCode(201);
		String token = login(two, name, PASSWORD).then().statusCode(200).extract().path("token");
		String secret = RestAssured.given()
			.port(one.port())
			.auth()
			.oauth2(token)
			.contentType(ContentType.JSON)
			.body(Map.of("password", PASSWORD))
			.post("/me/totp")
			.then()
			.statusCode(200)
			.extract()
			.path("secret");
		// The step before now: the tests' codes are for now, a step this one never uses.
		List<String> codes = RestAssured.given()
			.port(two.port())
			.auth()
			.oauth2(token)
			.contentType(ContentType.JSON)
			.body(Map.of("code", SecondFactorApiTest.code(secret, Instant.now().minusSeconds(30))))
			.post("/me/totp/confirm")
			.then()
			.statusCode(200)
			.extract()
			.path("recoveryCodes");
		return new Enrolled(name, secret, codes);
	}

	private static String mfaToken(ServiceProcess.Server server, String name) {
		return login(server, name, PASSWORD).then().statusCode(200).extract().path("mfaToken");
	}

	private static Response secondStep(ServiceProcess.Server server, String path, String mfaToken, String code) {
		return RestAssured.given()
			.port(server.port())
			.contentType(ContentType.JSON)
			.body(Map.of("mfaToken", mfaToken, "code", code))
			.post(path);
	}

	private static int failures(String name) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
				ResultSet row = connection.createStatement()
					.executeQuery("SELECT failures FROM login_failures WHERE canonical_username = '" + name + "'")) {
			assertThat(row.next()).isTrue();
			return row.getInt(1);
		}
	}

	private static Response register(ServiceProcess.Server server, String name) {
		return RestAssured.given().port(server.port()).post("/register?username={u}&password={p}", name, PASSWORD);
	}

	private static Response register(ServiceProcess.Server server, String name, String solution) {
		return RestAssured.given()
			.port(server.port())
			.contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", PASSWORD, "altcha", solution))
			.post("/register");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> challenge(ServiceProcess.Server server) {
		return RestAssured.given().port(server.port()).get("/challenge").then().statusCode(200).extract().as(Map.class);
	}

	private static Response login(ServiceProcess.Server server, String name, String password) {
		return RestAssured.given()
			.port(server.port())
			.contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", password))
			.post("/login");
	}

	/**
	 * An assertion of a new account's new passkey, for login options: each ceremony begun
	 * on {@code begins} and finished on {@code finishes}.
	 */
	private static Map<String, Object> assertion(String name, ServiceProcess.Server begins,
			ServiceProcess.Server finishes) {
		register(begins, name).then().statusCode(201);
		String token = login(begins, name, PASSWORD).then().statusCode(200).extract().path("token");
		SoftwareAuthenticator authenticator = new SoftwareAuthenticator(true);
		Map<String, Object> credential = authenticator.create(options(begins, "/me/passkeys/options", token),
				Ceremony.HONEST);
		post(finishes, "/me/passkeys", token, Map.of("credential", credential)).then().statusCode(201);
		return authenticator.get((String) credential.get("id"), options(begins, "/login/passkey/options", null),
				Ceremony.HONEST);
	}

	/** Passkey options, with the token when not null. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> options(ServiceProcess.Server server, String path, String token) {
		return post(server, path, token, null).then().statusCode(200).extract().as(Map.class);
	}

	/** A POST with a token and a JSON body, each when not null. */
	private static Response post(ServiceProcess.Server server, String path, String token, Map<String, Object> body) {
		RequestSpecification request = RestAssured.given().port(server.port());
		if (token != null) {
			request = request.auth().oauth2(token);
		}
		if (body != null) {
			request = request.contentType(ContentType.JSON).body(body);
		}
		return request.post(path);
	}

	private static Response me(ServiceProcess.Server server, String token) {
		return RestAssured.given().port(server.port()).auth().oauth2(token).get("/me");
	}

}
