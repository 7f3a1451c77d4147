package org.loginservice.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.loginservice.ApiTest;
import org.loginservice.MutableClock;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the README's error table, produced by a real request: its status, its
 * {@code type} and {@code application/problem+json}. A row added to the README without a
 * case here fails. The clock stands still, so a lockout lasts while it is asked about.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "auth.introspection.clients.tabled=a resource server's secret of 32 characters")
class ErrorTableTests extends ApiTest {

	private static final Pattern ROW = Pattern.compile("^\\| ([0-9, ]+) \\| `([^`]+)` \\|", Pattern.MULTILINE);

	private static final String PASSWORD = "violet-Quartz-river-92";

	/**
	 * Rows proved elsewhere, since they need a bug, a full hashing pool, a database that
	 * went away, the challenges on (they are off for every {@link ApiTest}) or an
	 * authenticator: UnexpectedErrorTests, HashingPoolTests, DatabaseOutageTests,
	 * ChallengeTests, SecondStepTests and SecondFactorTests.
	 */
	private static final Set<String> ELSEWHERE = Set.of("500 /problems/internal-error", "503 /problems/overloaded",
			"503 /problems/database-unavailable", "403 /problems/challenge-required", "401 /problems/invalid-code",
			"401 /problems/invalid-mfa-token", "403 /problems/wrong-code", "409 /problems/totp-enabled",
			"409 /problems/no-totp");

	@TestFactory
	List<DynamicTest> everyRowOfTheReadmeErrorTableIsAnswered() throws IOException {
		Map<String, Supplier<Response>> cases = cases();
		List<DynamicTest> tests = new ArrayList<>();
		for (String row : readmeRows()) {
			if (ELSEWHERE.contains(row)) {
				continue;
			}
			tests.add(DynamicTest.dynamicTest(row, () -> {
				assertThat(cases).as("a request that produces the README's row " + row).containsKey(row);
				assertAnswer(row, cases.get(row).get());
			}));
		}
		assertThat(tests).hasSizeGreaterThanOrEqualTo(12);
		return tests;
	}

	private Map<String, Supplier<Response>> cases() {
		return Map.ofEntries(
				Map.entry("400 /problems/invalid-fields", () -> json("/register", "{\"username\":\"a b\"}")),
				Map.entry("400 /problems/malformed-request", () -> json("/register", "{\"username\": \"ada\",")),
				Map.entry("401 /problems/invalid-credentials", () -> login(uniqueName("nobody"), PASSWORD)),
				Map.entry("401 /problems/invalid-token", () -> api().auth().oauth2("not-a-token").get("/me")),
				Map.entry("401 /problems/invalid-client",
						() -> api().contentType(ContentType.URLENC).formParam("token", "any").post("/introspect")),
				Map.entry("403 /problems/wrong-password", this::wrongPassword),
				Map.entry("404 about:blank", () -> api().get("/nowhere")),
				Map.entry("405 about:blank", () -> api().put("/login")),
				Map.entry("406 about:blank",
						() -> api().accept("text/html").get("/login?username={u}&password={p}", "ada", PASSWORD)),
				Map.entry("415 about:blank", () -> api().contentType(ContentType.TEXT).body("ada").post("/login")),
				Map.entry("409 /problems/username-taken", () -> {
					String name = registered();
					return json("/register", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
				}), Map.entry("413 /problems/body-too-large", () -> json("/register", " ".repeat(1024 * 1024 + 1))),
				Map.entry("429 /problems/too-many-attempts", this::locked),
				Map.entry("400 /problems/passkey-refused",
						() -> api().auth()
							.oauth2(token())
							.contentType(ContentType.JSON)
							.body("{\"credential\": {}}")
							.post("/me/passkeys")),
				Map.entry("400 /problems/invalid-reset-code",
						() -> json("/password-reset",
								"{\"username\": \"" + registered() + "\", \"resetCode\": \"2222-2222-2222-2222\","
										+ " \"newPassword\": \"amber falcon over the harbor\"}")),
				Map.entry("401 /problems/invalid-passkey", () -> json("/login/passkey", "{\"credential\": {}}")),
				Map.entry("404 /problems/no-such-passkey",
						() -> api().auth().oauth2(token()).delete("/me/passkeys/{id}", "AAAA")));
	}

	private void assertAnswer(String row, Response response) {
		int status = Integer.parseInt(row.substring(0, 3));
		String type = row.substring(4);
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
		String answered = response.jsonPath().getString("type");
		if (type.equals("about:blank")) {
			// RFC 9457: an absent type means about:blank, and Spring may leave it out.
			assertThat(answered).as("type").isIn(null, "about:blank");
		}
		else {
			assertThat(answered).as("type").isEqualTo(type);
		}
		if (status == 401 && type.endsWith("invalid-token")) {
			assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
		}
		if (status == 429) {
			assertThat(response.header("Retry-After")).matches("[1-9][0-9]*");
		}
	}

	private Response wrongPassword() {
		return api().auth()
			.oauth2(token())
			.contentType(ContentType.JSON)
			.body(Map.of("currentPassword", "not " + PASSWORD, "newPassword", "amber falcon over the harbor"))
			.post("/me/password");
	}

	/** Five failures lock the name; the clock does not move, so the sixth is refused. */
	private Response locked() {
		String name = registered();
		for (int i = 0; i < 5; i++) {
			login(name, "wrong password " + i).then().statusCode(401);
		}
		return login(name, PASSWORD);
	}

	private String token() {
		return login(registered(), PASSWORD).then().statusCode(200).extract().path("token");
	}

	private String registered() {
		String name = uniqueName("tabled");
		api().post("/register?username={u}&password={p}", name, PASSWORD).then().statusCode(201);
		return name;
	}

	private Response login(String name, String password) {
		return api().contentType(ContentType.JSON).body(Map.of("username", name, "password", password)).post("/login");
	}

	private Response json(String path, String body) {
		return api().contentType(ContentType.JSON).body(body).post(path);
	}

	/** Each row as "status type", a row of several statuses as one per status. */
	private static List<String> readmeRows() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("### Errors");
		Matcher row = ROW.matcher(readme.substring(start, readme.indexOf("\n## ", start)));
		List<String> rows = new ArrayList<>();
		while (row.find()) {
			for (String status : row.group(1).split(", ")) {
				rows.add(status.trim() + " " + row.group(2));
			}
		}
		return rows;
	}

}
