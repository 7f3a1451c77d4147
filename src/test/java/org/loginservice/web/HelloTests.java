package org.loginservice.web;

import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

class HelloTests extends ApiTest {

	@Test
	void rootSaysHelloWorldInPlainText() {
		api().get("/")
			.then()
			.statusCode(200)
			.contentType("text/plain")
			.body(equalTo("Hello World!"))
			.header("X-Content-Type-Options", "nosniff")
			.header("X-Frame-Options", "DENY")
			.header("Referrer-Policy", "no-referrer")
			.header("Server", nullValue());
	}

}
