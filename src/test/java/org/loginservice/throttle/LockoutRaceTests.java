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

/**
 * Simultaneous guesses at the edge of a lockout: once a name is one failure from it, each
 * attempt is counted when it starts, by a compare-and-set, so of many guesses sent at
 * once exactly one is checked and the rest are refused. The clock stands still, so the
 * lockout cannot end during the burst; the hashing queue is wide, so that no guess is
 * shed instead.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "auth.hashing.queue=64")
class LockoutRaceTests extends ApiTest {

	private static final String PASSWORD = "violet-Quartz-river-92";

	private static final int GUESSES = 12;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void simultaneousGuessesAtTheLockoutEdgeGetOneCheck() throws Exception {
		String name = uniqueName("raced");
		api().post("/register?username={u}&password={p}", name, PASSWORD).then().statusCode(201);
		for (int i = 0; i < 4; i++) {
			login(name, "wrong " + i).then().statusCode(401);
		}

		List<Integer> statuses = Simultaneous.requests(GUESSES, (i) -> login(name, "simultaneous " + i).statusCode());

		assertThat(statuses).containsOnly(401, 429);
		assertThat(statuses).filteredOn((status) -> status == 401).hasSize(1);
		assertThat(this.jdbc.queryForObject("SELECT failures FROM login_failures WHERE canonical_username = ?",
				Integer.class, name))
			.isEqualTo(5);
		login(name, PASSWORD).then().statusCode(429).header("Retry-After", "1");
	}

	private Response login(String name, String password) {
		return api().contentType(ContentType.JSON).body(Map.of("username", name, "password", password)).post("/login");
	}

}
