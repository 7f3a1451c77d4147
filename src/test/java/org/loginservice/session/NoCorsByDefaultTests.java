package org.loginservice.session;

import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import static org.hamcrest.Matchers.nullValue;

class NoCorsByDefaultTests extends ApiTest {

	@Test
	void withNoOriginConfiguredBrowsersGetNoCorsHeaders() {
		api().header("Origin", "https://app.example.com")
			.header("Access-Control-Request-Method", "PATCH")
			.header("Access-Control-Request-Headers", "authorization")
			.options("/me")
			.then()
			.header("Access-Control-Allow-Origin", nullValue());
	}

}
