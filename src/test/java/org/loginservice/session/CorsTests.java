package org.loginservice.session;

import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import org.springframework.test.context.TestPropertySource;

import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@TestPropertySource(properties = "auth.cors.allowed-origins=https://app.example.com")
class CorsTests extends ApiTest {

	@Test
	void preflightFromAnAllowedOriginIsAnswered() {
		for (String[] request : new String[][] { { "/me", "PATCH" }, { "/me", "DELETE" }, { "/logout", "POST" },
				{ "/me/password", "POST" }, { "/login", "POST" } }) {
			preflight("https://app.example.com", request[0], request[1]).then()
				.statusCode(200)
				.header("Access-Control-Allow-Origin", "https://app.example.com")
				.header("Access-Control-Allow-Methods", containsStringIgnoringCase(request[1]))
				.header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"))
				.header("Access-Control-Allow-Headers", containsStringIgnoringCase("content-type"));
		}
	}

	@Test
	void preflightFromAnotherOriginIsRefused() {
		preflight("https://evil.example.net", "/me", "PATCH").then()
			.statusCode(403)
			.header("Access-Control-Allow-Origin", nullValue());
	}

	@Test
	void actualRequestFromAnAllowedOriginCanBeRead() {
		api().header("Origin", "https://app.example.com")
			.get("/")
			.then()
			.statusCode(200)
			.header("Access-Control-Allow-Origin", equalTo("https://app.example.com"));
	}

	private io.restassured.response.Response preflight(String origin, String path, String method) {
		return api().header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.header("Access-Control-Request-Headers", "authorization, content-type")
			.options(path);
	}

}
