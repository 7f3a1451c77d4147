package org.loginservice.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unknown name, or a password over the limit, must cost what a wrong password costs,
 * or response times tell which names exist. At BCrypt cost 8 a check takes about 15 ms
 * here, far above the noise of a lookup; without the dummy hash an unknown name answers
 * several times faster.
 */
@TestPropertySource(properties = "auth.password.bcrypt-cost=8")
class LoginTimingTests extends ApiTest {

	private static final int SAMPLES = 40;

	private static final String PASSWORD = "violet-Quartz-river-92";

	@Test
	void unknownUserAndWrongPasswordTakeTheSameTime() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			String name = uniqueName("timed");
			api().post("/register?username={u}&password={p}", name, PASSWORD).then().statusCode(201);
			names.add(name);
		}
		for (int i = 0; i < 10; i++) {
			loginMillis(uniqueName("warmup"));
		}

		List<Double> wrongPassword = new ArrayList<>();
		List<Double> unknownUser = new ArrayList<>();
		List<Double> overLongPassword = new ArrayList<>();
		for (String name : names) {
			wrongPassword.add(loginMillis(name));
			unknownUser.add(loginMillis(uniqueName("unknown")));
			overLongPassword.add(loginMillis(uniqueName("unknown"), "x".repeat(300)));
		}

		assertThat(median(unknownUser) / median(wrongPassword)).as("median unknown-user / wrong-password login time")
			.isBetween(0.7, 1.4);
		assertThat(median(overLongPassword) / median(wrongPassword))
			.as("median over-long-password / wrong-password login time")
			.isBetween(0.7, 1.4);
	}

	private double loginMillis(String name) {
		return loginMillis(name, "not the password at all");
	}

	private double loginMillis(String name, String password) {
		long start = System.nanoTime();
		api().contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", password))
			.post("/login")
			.then()
			.statusCode(401);
		return (System.nanoTime() - start) / 1e6;
	}

	private static double median(List<Double> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

}
