package org.loginservice.throttle;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;
import org.loginservice.MutableClock;
import org.loginservice.Simultaneous;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Load shedding over HTTP: a hashing pool of one thread and one place in its queue admits
 * three logins at once (two computed together, one waiting), and at cost 13 each takes
 * long enough that a burst sent together finds it full. The shed ones get 503 at once,
 * and count neither against the name nor against the address. The clock stands still, so
 * no window ends and no admitted hash waits "too long": every 503 is a refusal at
 * admission.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = { "auth.hashing.threads=1", "auth.hashing.queue=1", "auth.password.bcrypt-cost=13",
		"server.forward-headers-strategy=native" })
class ShedLoginTests extends ApiTest {

	private static final String PASSWORD = "violet-Quartz-river-92";

	private static final String ADDRESS = "203.0.113.250";

	private static final int CLIENTS = 16;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void loginsBeyondTheHashingPoolAreShedAndNotCountedAsFailures() throws Exception {
		String name = uniqueName("shed");
		api().post("/register?username={u}&password={p}", name, PASSWORD).then().statusCode(201);

		List<Response> answers = Simultaneous.requests(CLIENTS,
				(i) -> api().header("X-Forwarded-For", ADDRESS)
					.contentType(ContentType.JSON)
					.body(Map.of("username", name, "password", "wrong " + i))
					.post("/login"));

		List<Response> shed = answers.stream().filter((answer) -> answer.statusCode() == 503).toList();
		long checked = answers.stream().filter((answer) -> answer.statusCode() == 401).count();
		long locked = answers.stream().filter((answer) -> answer.statusCode() == 429).count();
		assertThat(shed).isNotEmpty();
		assertThat(checked).isPositive();
		assertThat(shed.size() + checked + locked).isEqualTo(CLIENTS);
		for (Response answer : shed) {
			answer.then()
				.header("Retry-After", "1")
				.contentType("application/problem+json")
				.body("type", equalTo("/problems/overloaded"))
				.body("status", equalTo(503));
		}
		// Only the checked guesses count against the name; the address also counts the
		// refusals of a locked name (429), never a 503.
		assertThat(failuresOf(name)).isEqualTo(checked);
		assertThat(failedLoginsFrom(ADDRESS)).isEqualTo(checked + locked);
	}

	private long failuresOf(String name) {
		return this.jdbc.queryForObject("SELECT failures FROM login_failures WHERE canonical_username = ?",
				Integer.class, name);
	}

	private long failedLoginsFrom(String address) {
		return this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(hits), 0) FROM address_counts WHERE address = ? AND kind = 'failed-login'",
				Long.class, address);
	}

}
