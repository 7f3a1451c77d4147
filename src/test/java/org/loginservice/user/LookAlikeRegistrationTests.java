package org.loginservice.user;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loginservice.ApiTest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * One face, one account: names that look alike, and names that cannot be shown one way.
 */
class LookAlikeRegistrationTests extends ApiTest {

	private static final String CYRILLIC_DZE = "\u0455";

	/** Cyrillic letters that look like the Latin "cop". */
	private static final String CYRILLIC_COP = "\u0441\u043E\u0440";

	@Test
	void registerWhenNameLooksLikeATakenOneThenConflict() {
		String name = uniqueName("soham");
		register(name).then().statusCode(201);

		for (String lookAlike : new String[] { CYRILLIC_DZE + name.substring(1), name.toUpperCase(), toFullWidth(name),
				name.replace("m", "rn") }) {
			register(lookAlike).then()
				.statusCode(409)
				.contentType("application/problem+json")
				.body("type", equalTo("/problems/username-taken"));
		}
	}

	@Test
	void registerWhenNameMixesScriptsAndLooksLikeNoAccountThenBadRequestAndTheLatinNameIsFree() {
		String name = uniqueName("soham");
		register(CYRILLIC_DZE + name.substring(1)).then()
			.statusCode(400)
			.body("type", equalTo("/problems/invalid-fields"))
			.body("errors.field", hasItem("username"))
			.body("errors.detail", hasItem(UsernameRules.MIXES_SCRIPTS));

		register(name).then().statusCode(201);
	}

	@Test
	void registerWhenLookAlikeInAnotherScriptIsTakenThenConflictInEitherOrder() {
		String latinFirst = uniqueName("cop");
		register(latinFirst).then().statusCode(201);
		register(CYRILLIC_COP + latinFirst.substring(3)).then().statusCode(409);

		String cyrillicFirst = CYRILLIC_COP + uniqueName("cop").substring(3);
		register(cyrillicFirst).then().statusCode(201).body("username", equalTo(cyrillicFirst));
		register("cop" + cyrillicFirst.substring(3)).then().statusCode(409);
	}

	@Test
	void registerAcceptsJapaneseMixingHanAndKanaLatinWithHanAndDigitsAlone() {
		String suffix = uniqueName("");
		for (String name : new String[] { "山田たろうタロウ" + suffix, "soham漢字" + suffix, "soham한국" + suffix,
				"9" + suffix.substring(1) + "9" }) {
			register(name).then().statusCode(201).body("username", equalTo(name));
		}
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "|",
			textBlock = """
					\u0301\u0302\u0303\u0304        | must not begin with an accent or other combining mark
					s\u0301\u0302\u0303\u0304\u0306 | may have at most 2 accents on one letter
					soha\u0301\u0301m               | may not repeat an accent on one letter
					emoji\uD83D\uDE00               | may contain only letters, digits and . _ - @
					\u1F88bcd                       | may not contain title-case letters: write a capital and a small letter instead
					abc\u20DD                       | may not contain enclosing marks (a circle or box drawn around a character)
					soh\u034Fam                     | may not contain invisible characters
					soham\uFE0F                     | may not contain invisible characters
					._-                             | must contain a letter or a digit
					שלוםabc                         | may not mix right-to-left and left-to-right letters
					so\u0436am                      | mixes letters of different scripts: use one script (Latin may go with Chinese, Japanese or Korean)
					""")
	void registerWhenUsernameBreaksUnicodeRulesThenBadRequestSayingWhy(String username, String problem) {
		register(username).then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/invalid-fields"))
			.body("errors.field", hasItem("username"))
			.body("errors.detail", hasItem(problem));
	}

	private Response register(String username) {
		return api().contentType(ContentType.JSON)
			.body(Map.of("username", username, "password", "correct horse battery"))
			.post("/register");
	}

}
