package org.loginservice.user;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loginservice.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

class RegistrationTests extends ApiTest {

	@Test
	void registerWithTutorialQueryStringThenCreated() {
		String name = uniqueName("tutorial");
		Response response = api().post("/register?username={u}&password={p}&data={d}", name, "correct horse battery",
				"my notes");

		response.then()
			.statusCode(201)
			.contentType(ContentType.JSON)
			.header("Location", "/me")
			.header("Cache-Control", "no-store")
			.body("username", equalTo(name))
			.body("data", equalTo("my notes"));
		assertThat(response.asString()).doesNotContain("correct horse battery").doesNotContain("$2b$");
		assertThat(response.jsonPath().getMap("")).containsOnlyKeys("username", "data", "totp", "recoveryCodesLeft");
	}

	@Test
	void registerWithJsonBodyThenCreated() {
		String name = uniqueName("json");
		api().contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", "correct horse battery", "data", "{\"theme\":\"dark\"}"))
			.post("/register")
			.then()
			.statusCode(201)
			.header("Location", "/me")
			.body("username", equalTo(name))
			.body("data", equalTo("{\"theme\":\"dark\"}"));
	}

	@Test
	void registerWithFormBodyThenCreated() {
		String name = uniqueName("form");
		api().formParam("username", name)
			.formParam("password", "correct horse battery")
			.formParam("data", "from a form")
			.post("/register")
			.then()
			.statusCode(201)
			.body("username", equalTo(name))
			.body("data", equalTo("from a form"));
	}

	@Test
	void registerWithoutDataThenDataIsEmpty() {
		register(uniqueName("nodata"), "correct horse battery").then().statusCode(201).body("data", equalTo(""));
	}

	@Test
	void registerWhenNameTakenInAnyCaseOrWidthThenConflict() {
		String name = uniqueName("Soham");
		register(name, "correct horse battery").then().statusCode(201).body("username", equalTo(name));

		for (String sameName : new String[] { name, " " + name.toLowerCase() + " ", toFullWidth(name),
				name.toUpperCase() }) {
			register(sameName, "another good password").then()
				.statusCode(409)
				.contentType("application/problem+json")
				.body("type", equalTo("/problems/username-taken"))
				.body("status", equalTo(409));
		}
	}

	@Test
	void registerKeepsTheDisplayCaseButTrimsAndNormalizes() {
		String name = uniqueName("MixedCase");
		register("  " + toFullWidth(name) + "\t", "correct horse battery").then()
			.statusCode(201)
			.body("username", equalTo(name));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ab", "a b", "tab\tinside", "bidi\u202Eevil", "ctrl\u0007bell", "semi;colon", "slash/name",
			"emoji\uD83D\uDE00", "" })
	void registerWhenUsernameInvalidThenBadRequestNamingTheField(String username) {
		register(username, "correct horse battery").then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/invalid-fields"))
			.body("errors.field", hasItem("username"));
	}

	@Test
	void registerAcceptsLettersOfAnyScriptDigitsAndPunctuationAllowed() {
		for (String name : new String[] { "Zoë.Ångström", "सोहम", "user_name-1@example.org", "abc" }) {
			String unique = name + "-" + uniqueName("u").substring(2);
			register(unique, "correct horse battery").then().statusCode(201);
		}
	}

	@Test
	void registerUsernameLengthIsThreeToSixtyFourCharacters() {
		String suffix = uniqueName("");
		String longest = "n".repeat(64 - suffix.length()) + suffix;
		register(longest, "correct horse battery").then().statusCode(201);
		register(longest + "n", "correct horse battery").then()
			.statusCode(400)
			.body("errors.field", hasItem("username"));
	}

	@Test
	void registerPasswordLengthIsFifteenToTwoHundredFiftySixCharacters() {
		register(uniqueName("short"), strongPassword(14)).then()
			.statusCode(400)
			.body("errors.detail", hasItem("must be at least 15 characters long"));
		register(uniqueName("fifteen"), strongPassword(15)).then().statusCode(201);
		register(uniqueName("longest"), strongPassword(256)).then().statusCode(201);
		register(uniqueName("toolong"), strongPassword(257)).then()
			.statusCode(400)
			.body("errors.detail", hasItem("must be at most 256 characters long"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "aaaaaaaaaaaaaaaa", "1234567890123456", "qwertyuiopasdfgh", "passwordpassword",
			"iloveyou12345678" })
	void registerWhenPasswordGuessableThenBadRequestSayingWhy(String password) {
		Response response = register(uniqueName("weak"), password);

		response.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("errors.field", everyItem(equalTo("password")))
			.body("errors.detail", hasItem("is too easy to guess: add a few more unusual words"));
		assertThat(response.asString()).doesNotContain(password);
	}

	@Test
	void registerWhenPasswordBuiltOnUsernameThenBadRequest() {
		String name = uniqueName("Soham");
		register(name, name + "-" + strongPassword(10)).then()
			.statusCode(400)
			.body("errors.detail", hasItem("must not contain your username"));
	}

	@Test
	void registerListsEveryReasonAtOnce() {
		register("a b", "password").then()
			.statusCode(400)
			.body("errors.detail", hasItem("must be at least 15 characters long"))
			.body("errors.detail", hasItem("is or contains one of the most common passwords"))
			.body("errors.field", hasItem("username"));
	}

	@Test
	void registerDataUpTo64KiBOfUtf8() {
		String euro = "€";
		register(uniqueName("fulldata"), "correct horse battery", "d".repeat(65_536)).then().statusCode(201);
		register(uniqueName("bigdata"), "correct horse battery", "d".repeat(65_537)).then()
			.statusCode(400)
			.body("errors[0].field", equalTo("data"));
		register(uniqueName("bigeuro"), "correct horse battery", euro.repeat(21_846)).then()
			.statusCode(400)
			.body("errors[0].field", equalTo("data"));
	}

	@Test
	void registerWhenFieldsMissingThenBadRequestListingEach() {
		api().contentType(ContentType.JSON)
			.body("{}")
			.post("/register")
			.then()
			.statusCode(400)
			.body("errors", hasSize(2))
			.body("errors.field", hasItem("username"))
			.body("errors.field", hasItem("password"))
			.body("detail", org.hamcrest.Matchers.containsString("is required"));
	}

	@Test
	void registerWithNullDataThenDataIsEmpty() {
		api().contentType(ContentType.JSON)
			.body("{\"username\":\"" + uniqueName("nulldata")
					+ "\",\"password\":\"correct horse battery\",\"data\":null}")
			.post("/register")
			.then()
			.statusCode(201)
			.body("data", equalTo(""))
			.body("password", nullValue());
	}

	private Response register(String username, String password) {
		return api().contentType(ContentType.JSON)
			.body(Map.of("username", username, "password", password))
			.post("/register");
	}

	private Response register(String username, String password, String data) {
		return api().contentType(ContentType.JSON)
			.body(Map.of("username", username, "password", password, "data", data))
			.post("/register");
	}

}
