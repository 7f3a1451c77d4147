package org.loginservice.throttle;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;
import org.loginservice.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The limits per client address as shipped: 30 failed logins a minute and 100 new
 * accounts an hour, as the README's table says. {@link ApiTest} lifts both, so this class
 * declares its own {@code @SpringBootTest}, which replaces the base class's and with it
 * those properties; nothing here sets a limit. The proof-of-work challenges, which would
 * ask for work long before either limit, are off: they are tested on their own. Behind a
 * trusted proxy (loopback here) each test sends from an address of its own in
 * {@code X-Forwarded-For}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "auth.password.bcrypt-cost=4", "server.forward-headers-strategy=native",
				"auth.challenge.mode=off",
				"spring.datasource.url=jdbc:h2:file:./target/test-db/${random.uuid};WRITE_DELAY=0" })
@Import(MutableClock.Config.class)
class ShippedAddressLimitsTests extends ApiTest {

	private static final AtomicInteger addresses = new AtomicInteger();

	private static final String PASSWORD = "violet-Quartz-river-92";

	@Autowired
	private MutableClock clock;

	private final String address = "192.0.2." + (10 + addresses.incrementAndGet());

	@Test
	void oneAddressMayFailThirtyLoginsAMinuteOverAnyNames() {
		String name = registered();
		startOfWindow(Duration.ofMinutes(1));
		for (int i = 0; i < 30; i++) {
			login(uniqueName("sprayed"), PASSWORD).then().statusCode(401);
		}

		login(name, PASSWORD).then()
			.statusCode(429)
			.header("Retry-After", "60")
			.contentType("application/problem+json");
		this.clock.advance(Duration.ofSeconds(59));
		login(name, PASSWORD).then().statusCode(429).header("Retry-After", "1");
		this.clock.advance(Duration.ofSeconds(1));
		login(name, PASSWORD).then().statusCode(200);
	}

	@Test
	void oneAddressMayMakeAHundredAccountsAnHourAndNamesFoundTakenDoNotCount() {
		startOfWindow(Duration.ofHours(1));
		String taken = registered();
		for (int i = 0; i < 100; i++) {
			register(uniqueName("batch")).then().statusCode(201);
			register(taken).then().statusCode(409);
		}

		register(uniqueName("hundred-first")).then().statusCode(429).header("Retry-After", "3600");
		api().header("X-Forwarded-For", "198.51.100.177")
			.post("/register?username={u}&password={p}", uniqueName("elsewhere"), PASSWORD)
			.then()
			.statusCode(201);
		this.clock.advance(Duration.ofHours(1));
		register(uniqueName("nexthour")).then().statusCode(201);
	}

	/** Moves the clock to the start of the next fixed window of that length. */
	private void startOfWindow(Duration length) {
		long seconds = length.toSeconds();
		long now = this.clock.instant().getEpochSecond();
		this.clock.advance(Duration.ofSeconds(seconds - now % seconds));
	}

	private String registered() {
		String name = uniqueName("shipped");
		api().header("X-Forwarded-For", "198.51.100.178")
			.post("/register?username={u}&password={p}", name, PASSWORD)
			.then()
			.statusCode(201);
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
