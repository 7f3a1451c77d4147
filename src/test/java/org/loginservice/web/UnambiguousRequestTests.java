package org.loginservice.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every request has one meaning, or it is refused before any work: one value per field,
 * from one place; one JSON key each; UTF-8 only; JSON answers only.
 */
class UnambiguousRequestTests extends ApiTest {

	private static final String PASSWORD = "amber-Falcon-harbor-71";

	@Autowired
	private JdbcTemplate jdbc;

	private String name;

	@BeforeEach
	void register() {
		this.name = uniqueName("meaning");
		api().contentType(ContentType.JSON)
			.body(json("username", this.name, "password", PASSWORD))
			.post("/register")
			.then()
			.statusCode(201);
	}

	@Test
	void registerWhenParameterTwiceInQueryThenBadRequestNamingIt() {
		api().post("/register?username={u}&password={p}&password={p2}", uniqueName("twice"), PASSWORD, "other")
			.then()
			.statusCode(400)
			.body("type", equalTo("/problems/invalid-fields"))
			.body("errors.field", contains("password"));
	}

	@Test
	void loginWhenFieldInQueryAndFormThenBadRequestNamingIt() {
		api().contentType(ContentType.URLENC)
			.formParam("username", this.name)
			.formParam("password", PASSWORD)
			.post("/login?password={p}", "other")
			.then()
			.statusCode(400)
			.body("errors.field", contains("password"));
		assertThat(sessions()).isZero();
	}

	@Test
	void loginWhenQueryParameterBesideJsonBodyThenBadRequest() {
		api().contentType(ContentType.JSON)
			.body(json("username", this.name, "password", PASSWORD))
			.post("/login?password={p}", "other")
			.then()
			.statusCode(400)
			.body("errors.field", contains("password"));
	}

	@Test
	void loginWhenPasswordInAHeaderThenItIsNotBound() {
		api().header("password", PASSWORD)
			.get("/login?username={u}", this.name)
			.then()
			.statusCode(400)
			.body("errors.field", contains("password"));
	}

	@Test
	void loginWhenJsonKeyTwiceThenBadRequest() {
		String body = "{\"username\":\"" + this.name + "\",\"password\":\"" + PASSWORD + "\",\"password\":\"x\"}";

		malformed(api().contentType(ContentType.JSON).body(body).post("/login"));
		assertThat(sessions()).isZero();
	}

	@Test
	void loginWhenJsonKeyIsUnknownThenBadRequestNamingIt() {
		String body = "{\"username\":\"" + this.name + "\",\"password\":\"x\",\"Password\":\"" + PASSWORD + "\"}";

		api().contentType(ContentType.JSON)
			.body(body)
			.post("/login")
			.then()
			.statusCode(400)
			.body("type", equalTo("/problems/invalid-fields"))
			.body("errors.field", contains("Password"))
			.body("errors[0].detail",
					equalTo("is not a field of this request; its fields are altcha, password, username"));
		assertThat(sessions()).isZero();
	}

	@Test
	void patchMeWhenJsonKeyIsUnknownLongOrBrokenThenBadRequest() {
		String token = api().contentType(ContentType.JSON)
			.body(json("username", this.name, "password", PASSWORD))
			.post("/login")
			.then()
			.statusCode(200)
			.extract()
			.path("token");

		for (String key : List.of("dta", "k".repeat(65))) {
			api().auth()
				.oauth2(token)
				.contentType(ContentType.JSON)
				.body("{\"" + key + "\":\"new\"}")
				.patch("/me")
				.then()
				.statusCode(400)
				.body("errors.field", contains(key.equals("dta") ? "dta" : "(unknown)"));
		}
		malformed(api().auth().oauth2(token).contentType(ContentType.JSON).body("{\"\\ud800\":\"new\"}").patch("/me"));
		api().auth().oauth2(token).get("/me").then().statusCode(200).body("data", equalTo(""));
	}

	@Test
	void registerWhenUnpairedSurrogateInJsonThenBadRequest() {
		for (String surrogate : List.of("\\ud800", "\\udfff", "\\ude00\\ud83d")) {
			String body = "{\"username\":\"" + uniqueName("lone") + "\",\"password\":\"" + PASSWORD + surrogate + "\"}";
			malformed(api().contentType(ContentType.JSON).body(body).post("/register"));
		}
		String pair = "{\"username\":\"" + uniqueName("pair") + "\",\"password\":\"" + PASSWORD + "\\ud83d\\ude00\"}";
		api().contentType(ContentType.JSON).body(pair).post("/register").then().statusCode(201);
	}

	@Test
	void loginWhenSurrogateEncodedInQueryThenBadRequest() {
		api().urlEncodingEnabled(false)
			.get("/login?username=" + this.name + "&password=%ED%A0%80")
			.then()
			.statusCode(400)
			.body("type", equalTo("/problems/malformed-request"));
	}

	@Test
	void registerWhenControlCharacterInPasswordThenBadRequest() {
		for (String control : List.of("\\u0000", "\\u0009", "\\u001f")) {
			String body = "{\"username\":\"" + uniqueName("control") + "\",\"password\":\"" + PASSWORD + control
					+ "\"}";
			api().contentType(ContentType.JSON)
				.body(body)
				.post("/register")
				.then()
				.statusCode(400)
				.body("errors.field", contains("password"))
				.body("errors.detail", contains("must not contain control characters"));
		}
	}

	@Test
	void loginWhenCharsetIsNotUtf8ThenUnsupportedMediaType() {
		api().contentType("application/json; charset=ISO-8859-1")
			.body(json("username", this.name, "password", PASSWORD).getBytes(StandardCharsets.ISO_8859_1))
			.post("/login")
			.then()
			.statusCode(415)
			.contentType("application/problem+json");
		api().contentType("application/x-www-form-urlencoded; charset=ISO-8859-1")
			.body("username=" + this.name + "&password=" + PASSWORD)
			.post("/login")
			.then()
			.statusCode(415);
		api().contentType("application/json; charset=UTF-8")
			.body(json("username", this.name, "password", PASSWORD))
			.post("/login")
			.then()
			.statusCode(200);
	}

	@Test
	void loginWhenBodyHasByteOrderMarkOrIsUtf16ThenBadRequest() {
		byte[] utf8 = json("username", this.name, "password", PASSWORD).getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[utf8.length + 3];
		bom[0] = (byte) 0xef;
		bom[1] = (byte) 0xbb;
		bom[2] = (byte) 0xbf;
		System.arraycopy(utf8, 0, bom, 3, utf8.length);

		malformed(api().contentType(ContentType.JSON).body(bom).post("/login"));
		malformed(api().contentType(ContentType.JSON)
			.body(json("username", this.name, "password", PASSWORD).getBytes(StandardCharsets.UTF_16LE))
			.post("/login"));
		malformed(api().contentType(ContentType.JSON)
			.body(json("username", this.name, "password", PASSWORD).getBytes(StandardCharsets.UTF_16))
			.post("/login"));
		assertThat(sessions()).isZero();
	}

	@Test
	void loginWhenAcceptIsNotJsonThenNotAcceptableAndNoSession() {
		assertNoSessionWhenAccepting("application/xml", "application/yaml", "text/html");
		loginAccepting("text/html, application/xml;q=0.9, */*;q=0.8").then()
			.statusCode(200)
			.contentType("application/json");
	}

	@Test
	void loginWhenAcceptRefusesJsonOrAsksAnotherCharsetThenNotAcceptableAndNoSession() {
		assertNoSessionWhenAccepting("application/json;q=0", "*/*;q=0", "application/*;q=0, */*;q=0",
				"application/json;charset=latin1", "application/json;charset=UTF-16BE, */*;q=0");
		loginAccepting("application/json;charset=latin1, application/json;charset=utf-8;q=0.5").then()
			.statusCode(200)
			.contentType("application/json");
	}

	@Test
	void registerWhenAcceptAsksAnotherCharsetThenNotAcceptableAndNoAccount() {
		String other = uniqueName("latin");
		api().accept("application/json;charset=ISO-8859-1")
			.post("/register?username={u}&password={p}", other, PASSWORD)
			.then()
			.statusCode(406);
		api().post("/register?username={u}&password={p}", other, PASSWORD).then().statusCode(201);
	}

	@Test
	void headLoginThenMethodNotAllowedAndNoSession() {
		api().head("/login?username={u}&password={p}", this.name, PASSWORD)
			.then()
			.statusCode(405)
			.header("Allow", "GET, POST");
		assertThat(sessions()).isZero();
	}

	@Test
	void errorsAreSortedByFieldThenDetailOnEveryCall() {
		String body = json("username", "a b", "password", "password");

		Response first = api().contentType(ContentType.JSON).body(body).post("/register");
		Response second = api().contentType(ContentType.JSON).body(body).post("/register");

		List<String> fields = first.jsonPath().getList("errors.field");
		List<String> details = first.jsonPath().getList("errors.detail");
		assertThat(fields).isSorted().contains("password", "username");
		assertThat(details.subList(0, fields.lastIndexOf("password") + 1)).isSorted();
		assertThat(second.asString()).isEqualTo(first.asString());
	}

	/** Each {@code Accept} gets 406 problem+json, and no session is stored for any. */
	private void assertNoSessionWhenAccepting(String... accepts) {
		for (String accept : accepts) {
			loginAccepting(accept).then().statusCode(406).contentType("application/problem+json");
		}
		assertThat(sessions()).isZero();
	}

	private Response loginAccepting(String accept) {
		return api().accept(accept).get("/login?username={u}&password={p}", this.name, PASSWORD);
	}

	private int sessions() {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.canonical_username = ?",
				Integer.class, this.name.toLowerCase());
	}

	private static void malformed(Response response) {
		response.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/malformed-request"));
	}

	private static String json(String... keysAndValues) {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < keysAndValues.length; i += 2) {
			json.append((i > 0) ? "," : "")
				.append('"')
				.append(keysAndValues[i])
				.append("\":\"")
				.append(keysAndValues[i + 1])
				.append('"');
		}
		return json.append('}').toString();
	}

}
