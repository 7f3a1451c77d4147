package org.loginservice.throttle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;
import org.loginservice.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The lockouts per name as shipped (5 failures, then 1 s doubling up to 15 min; nothing
 * here or in {@link ApiTest} sets them), on a clock the tests move. The limits per
 * address are lifted; {@link ShippedAddressLimitsTests} has them. Behind a trusted proxy
 * (loopback here) each test sends from an address of its own in {@code X-Forwarded-For}.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class ThrottleTests extends ApiTest {

	private static final AtomicInteger addresses = new AtomicInteger();

	private static final String PASSWORD = "violet-Quartz-river-92";

	@Autowired
	private MutableClock clock;

	private final String address = "203.0.113." + addresses.incrementAndGet();

	@Test
	void afterFiveFailuresTheNameIsLockedEvenForTheRightPassword() {
		String name = registered();
		for (int i = 0; i < 5; i++) {
			login(name, "wrong password number " + i).then().statusCode(401);
		}

		login(name, PASSWORD).then()
			.statusCode(429)
			.header("Retry-After", "1")
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/too-many-attempts"));
		this.clock.advance(Duration.ofSeconds(1));
		login(name, "still wrong").then().statusCode(401);
		login(name, PASSWORD).then().statusCode(429).header("Retry-After", "2");
		this.clock.advance(Duration.ofSeconds(2));
		login(name, PASSWORD).then().statusCode(200);

		for (int i = 0; i < 5; i++) {
			login(name, "wrong again " + i).then().statusCode(401);
		}
		login(name, PASSWORD).then().statusCode(429);
	}

	@Test
	void lockoutDoublesUpToFifteenMinutes() {
		String name = registered();
		for (int i = 0; i < 5; i++) {
			login(name, "wrong").then().statusCode(401);
		}
		List<String> waits = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String wait = login(name, "wrong").then().statusCode(429).extract().header("Retry-After");
			waits.add(wait);
			this.clock.advance(Duration.ofSeconds(Long.parseLong(wait)));
			login(name, "wrong").then().statusCode(401);
		}

		assertThat(waits).containsExactly("1", "2", "4", "8", "16", "32", "64", "128", "256", "512", "900", "900");
	}

	@Test
	void lockedRealAndUnknownNamesAnswerAlike() {
		String real = registered();
		String unknown = uniqueName("ghost");
		for (int i = 0; i < 5; i++) {
			login(real, "wrong").then().statusCode(401);
			login(unknown, "wrong").then().statusCode(401);
		}

		Response realLocked = login(real, PASSWORD);
		Response unknownLocked = login(unknown, PASSWORD);

		assertThat(realLocked.statusCode()).isEqualTo(429);
		assertThat(unknownLocked.statusCode()).isEqualTo(429);
		assertThat(unknownLocked.header("Retry-After")).isEqualTo(realLocked.header("Retry-After"));
		assertThat(unknownLocked.asByteArray()).isEqualTo(realLocked.asByteArray());
	}

	@Test
	void lockAppliesWhoeverAsks() {
		String name = registered();
		for (int i = 0; i < 5; i++) {
			login(name, "wrong").then().statusCode(401);
		}

		api().header("X-Forwarded-For", "198.51.100.1")
			.contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", PASSWORD))
			.post("/login")
			.then()
			.statusCode(429);
	}

	private String registered() {
		String name = uniqueName("throttled");
		register(name).then().statusCode(201);
		return name;
	}

	private Response register(String name) {
		return from().post("/register?username={u}&password={p}", name, PASSWORD);
	}

	private Response login(String name, String password) {
		return from().contentType(ContentType.JSON).body(Map.of("username", name, "password", password)).post("/login");
	}

	private RequestSpecification from() {
		return api().header("X-Forwarded-For", this.address);
	}

}
