package org.loginservice.throttle;

import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;
import org.loginservice.MutableClock;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.hamcrest.Matchers.equalTo;

/**
 * Every unsuccessful login counts towards its address's limit, whatever made it fail.
 * Behind a trusted proxy (loopback here) each test sends from an address of its own; the
 * clock stands still, so no window ends in the middle of a test.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(
		properties = { "auth.throttle.failed-logins-per-address=4", "server.forward-headers-strategy=native" })
class RefusedLoginTests extends ApiTest {

	private static final AtomicInteger addresses = new AtomicInteger();

	private static final String PASSWORD = "violet-Quartz-river-92";

	private final String address = "198.51.100." + (100 + addresses.incrementAndGet());

	@Test
	void loginsRefusedBeforeThePasswordCheckCountForTheAddress() {
		String name = registered();
		from().contentType(ContentType.JSON).body("{\"username\":").post("/login").then().statusCode(400);
		from().get("/login?username={u}", name).then().statusCode(400);
		from().accept("application/xml").get("/login?username={u}&password={p}", name, PASSWORD).then().statusCode(406);
		from().contentType("text/plain").body("x").post("/login").then().statusCode(415);

		from().get("/login?username={u}&password={p}", name, PASSWORD)
			.then()
			.statusCode(429)
			.body("type", equalTo("/problems/too-many-attempts"));
	}

	@Test
	void loginWhenNameLongerThanAnyAccountThenUnauthorizedAndCounted() {
		String unknown = from().contentType(ContentType.JSON)
			.body("{\"username\":\"nobody-here\",\"password\":\"wrong\"}")
			.post("/login")
			.then()
			.statusCode(401)
			.extract()
			.asString();
		for (int length : new int[] { 65, 257, 100_000 }) {
			from().contentType(ContentType.JSON)
				.body("{\"username\":\"" + "x".repeat(length) + "\",\"password\":\"wrong\"}")
				.post("/login")
				.then()
				.statusCode(401)
				.body(equalTo(unknown));
		}

		from().get("/login?username={u}&password={p}", registered(), PASSWORD).then().statusCode(429);
	}

	private String registered() {
		String name = uniqueName("refused");
		api().post("/register?username={u}&password={p}", name, PASSWORD).then().statusCode(201);
		return name;
	}

	private RequestSpecification from() {
		return api().header("X-Forwarded-For", this.address);
	}

}
