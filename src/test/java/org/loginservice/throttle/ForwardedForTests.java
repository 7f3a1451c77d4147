package org.loginservice.throttle;

import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import org.springframework.test.context.TestPropertySource;

/** Without the proxy setting, a client cannot dodge the limits by claiming addresses. */
@TestPropertySource(properties = "auth.throttle.registrations-per-address=2")
class ForwardedForTests extends ApiTest {

	@Test
	void forwardedForIsIgnoredByDefault() {
		for (int i = 0; i < 2; i++) {
			api().header("X-Forwarded-For", "192.0.2." + i)
				.post("/register?username={u}&password={p}", uniqueName("spoof"), "violet-Quartz-river-92")
				.then()
				.statusCode(201);
		}

		api().header("X-Forwarded-For", "192.0.2.99")
			.post("/register?username={u}&password={p}", uniqueName("spoof"), "violet-Quartz-river-92")
			.then()
			.statusCode(429);
	}

}
