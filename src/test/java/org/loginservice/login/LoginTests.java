package org.loginservice.login;

import java.util.Map;
import java.util.stream.IntStream;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loginservice.ApiTest;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@ExtendWith(OutputCaptureExtension.class)
class LoginTests extends ApiTest {

	private static final String PASSWORD = "correct horse battery";

	@Test
	void loginWithTutorialQueryStringThenUsersData() {
		String name = uniqueName("tutorial");
		api().post("/register?username={u}&password={p}&data={d}", name, PASSWORD, "secret notes")
			.then()
			.statusCode(201);

		Response response = api().get("/login?username={u}&password={p}", name, PASSWORD);

		response.then()
			.statusCode(200)
			.contentType(ContentType.JSON)
			.header("Cache-Control", "no-store")
			.body("username", equalTo(name))
			.body("data", equalTo("secret notes"))
			.body("expiresAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
		assertThat(response.asString()).doesNotContain(PASSWORD).doesNotContain("$2b$");
	}

	@Test
	void loginWithJsonOrFormBodyThenUsersData() {
		String name = registered("bodies", PASSWORD, "kept");

		api().contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", PASSWORD))
			.post("/login")
			.then()
			.statusCode(200)
			.body("username", equalTo(name))
			.body("data", equalTo("kept"));
		api().formParam("username", name)
			.formParam("password", PASSWORD)
			.post("/login")
			.then()
			.statusCode(200)
			.body("data", equalTo("kept"));
	}

	@Test
	void loginWithNameInAnotherCaseOrWidthThenSameAccount() {
		String name = registered("CaseLogin", PASSWORD, "");

		login(" " + name.toUpperCase() + " ", PASSWORD).then().statusCode(200).body("username", equalTo(name));
		login(toFullWidth(name), PASSWORD).then().statusCode(200).body("username", equalTo(name));
	}

	@Test
	void loginWhenPasswordWrongOrUserUnknownThenIdenticalUnauthorized() {
		String name = registered("victim", PASSWORD, "");

		Response wrongPassword = login(name, "wrong password here");
		Response unknownUser = login(uniqueName("nobody"), "wrong password here");
		Response tooLong = login(name, "x".repeat(10_000));

		for (Response response : new Response[] { wrongPassword, unknownUser, tooLong }) {
			response.then()
				.statusCode(401)
				.contentType("application/problem+json")
				.header("Cache-Control", "no-store")
				.body("type", equalTo("/problems/invalid-credentials"));
		}
		assertThat(unknownUser.asByteArray()).isEqualTo(wrongPassword.asByteArray());
		assertThat(tooLong.asByteArray()).isEqualTo(wrongPassword.asByteArray());
	}

	@Test
	void loginWhenPasswordsDifferOnlyAfterByte72ThenTheyAreDifferentPasswords() {
		String common = strongPassword(72);
		String name = registered("long", common + "first", "");

		login(name, common + "first").then().statusCode(200);
		login(name, common + "second").then().statusCode(401);
		login(name, common).then().statusCode(401);
	}

	@Test
	void loginWhenShortPasswordIsPrefixOfCandidateThenUnauthorized() {
		String exactly72Bytes = strongPassword(72);
		String name = registered("prefix", exactly72Bytes, "");

		login(name, exactly72Bytes).then().statusCode(200);
		login(name, exactly72Bytes + "X").then().statusCode(401);
	}

	@Test
	void loginWithSixtyFourCjkCharactersThenOk() {
		String cjk = IntStream.range(0, 64)
			.map((i) -> 0x4E00 + i * 97)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		String name = registered("cjk", cjk, "");

		login(name, cjk).then().statusCode(200);
		login(name, cjk.substring(0, 63) + "钥").then().statusCode(401);
	}

	@Test
	void loginWithPasswordInAnotherUnicodeFormThenOk() {
		String name = registered("nfkc", "ｑｕｉｅｔ ｍａｐｌｅ ｏｒｂｉｔ ９", "");

		login(name, "quiet maple orbit 9").then().statusCode(200);
	}

	@Test
	void loginWhenPasswordIsOverTheLimitAsTypedButNotAfterNormalizingThenOk() {
		// 130 decomposed accents: 260 code points typed, 130 after NFKC.
		String password = "violet-Quartz-river-92 " + "e\u0301".repeat(130);
		String name = registered("decomposed", password, "");

		login(name, password).then().statusCode(200);
	}

	@Test
	void loginWhenFieldsMissingThenBadRequest() {
		api().get("/login?username=someone")
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("errors[0].field", equalTo("password"));
	}

	@Test
	void everyAttemptIsLoggedWithOutcomeNameAndAddressButNoPassword(CapturedOutput output) {
		String name = registered("logged", PASSWORD, "");

		login(name, PASSWORD).then().statusCode(200);
		login(name, "Wr0ng-but-secret-pw").then().statusCode(401);

		assertThat(output.getAll()).contains("login outcome=success username=" + name + " address=127.0.0.1")
			.contains("login outcome=failure username=" + name + " address=127.0.0.1")
			.doesNotContain(PASSWORD)
			.doesNotContain("Wr0ng-but-secret-pw");
	}

	private String registered(String prefix, String password, String data) {
		String name = uniqueName(prefix);
		api().contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", password, "data", data))
			.post("/register")
			.then()
			.statusCode(201);
		return name;
	}

	private Response login(String username, String password) {
		return api().contentType(ContentType.JSON)
			.body(Map.of("username", username, "password", password))
			.post("/login");
	}

}
