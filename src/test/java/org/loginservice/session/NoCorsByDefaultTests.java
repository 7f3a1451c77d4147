package org.loginservice.session;

import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * With no origin configured the service answers as if CORS did not exist: requests are
 * served as usual (so the statuses are checked, not only the missing headers, which a 404
 * or a 500 would lack too), and a browser, finding no
 * {@code Access-Control-Allow-Origin}, keeps the answer from the page.
 */
class NoCorsByDefaultTests extends ApiTest {

	@Test
	void withNoOriginConfiguredAPreflightIsAnsweredWithoutCorsHeaders() {
		api().header("Origin", "https://app.example.com")
			.header("Access-Control-Request-Method", "PATCH")
			.header("Access-Control-Request-Headers", "authorization")
			.options("/me")
			.then()
			.statusCode(200)
			.header("Access-Control-Allow-Origin", nullValue())
			.header("Access-Control-Allow-Methods", nullValue())
			.header("Access-Control-Allow-Headers", nullValue())
			.body(emptyString());
	}

	@Test
	void withNoOriginConfiguredARequestFromAPageIsServedWithoutCorsHeaders() {
		api().header("Origin", "https://app.example.com")
			.get("/")
			.then()
			.statusCode(200)
			.contentType(startsWith("text/plain"))
			.body(equalTo("Hello World!"))
			.header("Access-Control-Allow-Origin", nullValue());
	}

}
