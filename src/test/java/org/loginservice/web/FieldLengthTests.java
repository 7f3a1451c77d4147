package org.loginservice.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loginservice.ApiTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every endpoint, empty to 100,000 characters, from every range of Unicode
 * that behaves differently (one to four bytes of UTF-8, combining marks, noncharacters):
 * never a 5xx, and no password in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldLengthTests extends ApiTest {

	private static final int[] LENGTHS = { 0, 65, 257, 100_000 };

	/** The ASCII marker that starts every password sent, to find one in the log. */
	private static final String MARK = "Qz7";

	private static final String[] UNITS = { "x", "漢", "😀", "e\u0301", "\uffff" };

	private static final JsonMapper json = JsonMapper.shared();

	private static final String PASSWORD = "amber-Falcon-harbor-71";

	private String token;

	private String name;

	@BeforeAll
	void account() {
		this.name = uniqueName("lengths");
		api().post("/register?username={u}&password={p}", this.name, PASSWORD).then().statusCode(201);
		// Nothing below can end this session: every confirming password is wrong.
		this.token = api().get("/login?username={u}&password={p}", this.name, PASSWORD)
			.then()
			.statusCode(200)
			.extract()
			.path("token");
	}

	@Test
	void everyFieldAtEveryLengthInEveryPlaneThenNoServerError(CapturedOutput output) {
		List<String> served = new ArrayList<>();
		for (String unit : UNITS) {
			for (int length : LENGTHS) {
				String text = text(unit, length);
				String password = MARK + text;
				send(served, "POST", "/register", Map.of("username", text, "password", PASSWORD));
				send(served, "POST", "/register", Map.of("username", uniqueName("l"), "password", password));
				send(served, "POST", "/register",
						Map.of("username", uniqueName("l"), "password", PASSWORD + "-x", "data", text));
				send(served, "POST", "/login", Map.of("username", text, "password", PASSWORD));
				send(served, "POST", "/login", Map.of("username", uniqueName("l"), "password", password));
				send(served, "PATCH", "/me", Map.of("data", text));
				send(served, "POST", "/me/password", Map.of("currentPassword", password, "newPassword", password));
				send(served, "DELETE", "/me", Map.of("password", password));
				if (length <= 1000) {
					check(served, "GET /login?username", api().get("/login?username={u}&password={p}", text, PASSWORD));
					check(served, "GET /login?password",
							api().get("/login?username={u}&password={p}", this.name, password));
				}
			}
		}
		assertThat(served).as("answers with a 5xx").isEmpty();
		assertThat(output.getAll()).doesNotContain(MARK);
	}

	private void send(List<String> served, String method, String path, Map<String, String> body) {
		Response response = api().header("Authorization", "Bearer " + this.token)
			.contentType(ContentType.JSON)
			.body(json.writeValueAsString(body))
			.request(method, path);
		check(served, method + " " + path + " " + body.keySet(), response);
	}

	private void check(List<String> served, String what, Response response) {
		if (response.statusCode() >= 500) {
			served.add(what + ": " + response.statusCode());
		}
	}

	/** {@code length} code points; a unit of two code points counts as two. */
	private static String text(String unit, int length) {
		int units = unit.codePointCount(0, unit.length());
		String text = unit.repeat((length + units - 1) / units);
		return text.substring(0, text.offsetByCodePoints(0, length));
	}

}
