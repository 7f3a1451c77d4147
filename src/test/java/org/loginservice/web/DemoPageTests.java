package org.loginservice.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page in a real headless Chromium: every step of the API, and under each step
 * the request the page sent and the answer it got, with passwords masked and the token
 * shortened. With no proof of work asked (challenges are off), the page shows no progress
 * and fetches no challenge.
 */
class DemoPageTests extends DemoPageTest {

	private static final String PASSWORD = "violet-Quartz-river-92";

	private static final String NEW_PASSWORD = "amber-Falcon-harbor-51";

	private static final String MASKED = "\"••••••\"";

	/** A token as the page shows it: its first 6 characters, then an ellipsis. */
	private static final String SHORT_TOKEN = "[A-Za-z0-9_-]{6}…";

	@Test
	void walkEveryStepOfTheApiAndShowEachExchange() {
		String name = uniqueName("browser");
		type("username", name);
		type("password", PASSWORD);
		type("data", "my first notes");

		run("register");
		assertThat(request("register")).startsWith("POST /register\nContent-Type: application/json\n\n{")
			.contains("\"username\": \"" + name + "\"", "\"password\": " + MASKED, "\"data\": \"my first notes\"");
		assertThat(answer("register")).startsWith("201 Created\n")
			.contains("Content-Type: application/json", "Location: /me", "\"username\": \"" + name + "\"");

		run("register");
		assertThat(answer("register")).startsWith("409 Conflict\n")
			.contains("Content-Type: application/problem+json", "\"type\": \"/problems/username-taken\"");
		assertThat(text("message"))
			.isEqualTo("POST /register: 409 Conflict — The username '" + name + "' is already taken");

		run("read");
		assertThat(request("read")).isEqualTo("GET /me\n\n(no body)");
		assertThat(answer("read")).startsWith("401 Unauthorized\n")
			.contains("WWW-Authenticate: Bearer", "\"type\": \"/problems/invalid-token\"");

		run("login");
		assertThat(request("login")).contains("\"password\": " + MASKED);
		assertThat(answer("login")).startsWith("200 OK\n")
			.contains("\"username\": \"" + name + "\"", "\"tokenType\": \"Bearer\"")
			.containsPattern("\"token\": \"" + SHORT_TOKEN + "\"");
		assertThat(text("token-state")).matches("Token in memory: " + SHORT_TOKEN + " .*");

		run("read");
		assertThat(request("read")).matches("GET /me\nAuthorization: Bearer " + SHORT_TOKEN + "\n\n\\(no body\\)");
		assertThat(answer("read")).startsWith("200 OK\n").contains("\"data\": \"my first notes\"");

		field("newData").clear();
		type("newData", "edited in the browser");
		run("change-data");
		assertThat(request("change-data"))
			.startsWith("PATCH /me\nContent-Type: application/json\nAuthorization: Bearer ")
			.contains("\"data\": \"edited in the browser\"");
		assertThat(answer("change-data")).startsWith("200 OK\n").contains("\"data\": \"edited in the browser\"");

		type("newPassword", NEW_PASSWORD);
		run("change-password");
		assertThat(request("change-password")).startsWith("POST /me/password\n")
			.contains("\"currentPassword\": " + MASKED, "\"newPassword\": " + MASKED);
		assertThat(answer("change-password")).isEqualTo("204 No Content\n\n(no body)");

		run("logout");
		assertThat(request("logout")).startsWith("POST /logout\nAuthorization: Bearer ");
		assertThat(answer("logout")).isEqualTo("204 No Content\n\n(no body)");
		assertThat(text("token-state")).isEqualTo("Token in memory: none");

		run("login");
		assertThat(answer("login")).startsWith("401 Unauthorized\n").contains("/problems/invalid-credentials");

		field("password").clear();
		type("password", NEW_PASSWORD);
		run("login");
		assertThat(answer("login")).startsWith("200 OK\n").contains("\"data\": \"edited in the browser\"");

		run("delete");
		assertThat(request("delete")).startsWith("DELETE /me\nContent-Type: application/json\nAuthorization: Bearer ")
			.contains("\"password\": " + MASKED);
		assertThat(answer("delete")).isEqualTo("204 No Content\n\n(no body)");
		assertThat(text("token-state")).isEqualTo("Token in memory: none");

		run("login");
		assertThat(answer("login")).startsWith("401 Unauthorized\n")
			.contains("Content-Type: application/problem+json", "\"type\": \"/problems/invalid-credentials\"");

		assertThat(browser().getPageSource()).doesNotContain(PASSWORD)
			.doesNotContain(NEW_PASSWORD)
			.doesNotContainPattern("[A-Za-z0-9_-]{40}");
		assertThat(requested()).contains("/register", "/login", "/me", "/me/password", "/logout")
			.noneMatch((path) -> path.startsWith("/challenge"));
		assertThat(challengeStates()).isEmpty();
		assertThat(browser().findElement(By.id("challenge")).isDisplayed()).isFalse();
	}

	@Test
	void registerWhenPasswordWeakThenPageShowsTheFieldErrors() {
		type("username", uniqueName("browser"));
		type("password", "hunter2hunter2");
		run("register");
		assertThat(answer("register")).startsWith("400 Bad Request\n")
			.contains("Content-Type: application/problem+json", "\"type\": \"/problems/invalid-fields\"",
					"\"errors\": [", "\"field\": \"password\"", "\"detail\": \"must be at least 15 characters long\"");
		assertThat(text("message")).startsWith("POST /register: 400 Bad Request — ");
		assertThat(browser().getPageSource()).doesNotContain("hunter2");
	}

	@Test
	void loginWhenNameLockedThenPageShowsTooManyRequestsWithRetryAfter() {
		type("username", uniqueName("browser"));
		type("password", "not-the-password-" + strongPassword(8));
		String answer = "";
		// Five failures lock the name for a second, doubling with each failure after it:
		// one
		// of the next few attempts lands in a lockout however slow the machine is.
		for (int attempt = 0; attempt < 10 && !answer.startsWith("429"); attempt++) {
			run("login");
			answer = answer("login");
			assertThat(answer).matches("(?s)(401|429) .*");
		}
		assertThat(answer).startsWith("429 Too Many Requests\n")
			.containsPattern("Retry-After: \\d+")
			.contains("\"type\": \"/problems/too-many-attempts\"");
	}

}
