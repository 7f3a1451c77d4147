package org.loginservice.login;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unknown name, or a password over the limit, must cost what a wrong password costs,
 * or response times tell which names exist. At BCrypt cost 8 a check takes about 15 ms
 * here, most of a login's time.
 * <p>
 * Made to hold on two loaded cores: a warm-up of 180 logins so that the request path and
 * BCrypt run compiled, then 75 rounds that each send one login of each kind back to back,
 * in an order that rotates, so that a burst of load from elsewhere weighs on all three
 * kinds alike. Each round gives the ratio of each kind's time to its own wrong-password
 * login, and the median of those ratios must be within 0.75 and 1.33. With the dummy hash
 * skipped, that median was 0.38 at a load average of 15 on two cores; with it, 1.04 (and
 * 0.97 for the over-long password) at a load average of 12. Timed through api(), whose
 * client-side OpenAPI checks add to every sample, the broken median was only 0.63.
 */
@TestPropertySource(properties = "auth.password.bcrypt-cost=8")
class LoginTimingTests extends ApiTest {

	private static final int WARM_UP_ROUNDS = 60;

	private static final int ROUNDS = 75;

	/** Under the lockout of 5 failures: no attempt is counted by compare-and-set. */
	private static final int FAILURES_PER_ACCOUNT = 3;

	private static final String PASSWORD = "violet-Quartz-river-92";

	private static final String OVER_LONG = "x".repeat(300);

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void unknownUserAndWrongPasswordTakeTheSameTime() {
		List<String> accounts = new ArrayList<>();
		for (int i = 0; i < (WARM_UP_ROUNDS + ROUNDS) / FAILURES_PER_ACCOUNT + 1; i++) {
			String name = uniqueName("timed");
			api().post("/register?username={u}&password={p}", name, PASSWORD).then().statusCode(201);
			for (int j = 0; j < FAILURES_PER_ACCOUNT; j++) {
				accounts.add(name);
			}
		}
		for (int round = 0; round < WARM_UP_ROUNDS; round++) {
			round(round, accounts.get(round));
		}

		List<Double> unknownUser = new ArrayList<>();
		List<Double> overLongPassword = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			double[] millis = round(round, accounts.get(WARM_UP_ROUNDS + round));
			unknownUser.add(millis[1] / millis[0]);
			overLongPassword.add(millis[2] / millis[0]);
		}

		assertThat(median(unknownUser)).as("median over %d rounds of unknown-user / wrong-password login time", ROUNDS)
			.isBetween(0.75, 1.33);
		assertThat(median(overLongPassword))
			.as("median over %d rounds of over-long-password / wrong-password login time", ROUNDS)
			.isBetween(0.75, 1.33);
	}

	/**
	 * One login of each kind, in an order that rotates with the round: the times of a
	 * wrong password, an unknown user and an over-long password, in that order.
	 */
	private double[] round(int round, String account) {
		double[] millis = new double[3];
		for (int i = 0; i < 3; i++) {
			int kind = (round + i) % 3;
			millis[kind] = switch (kind) {
				case 0 -> loginMillis(account, "not the password at all");
				case 1 -> loginMillis(uniqueName("unknown"), "not the password at all");
				default -> loginMillis(uniqueName("unknown"), OVER_LONG);
			};
		}
		return millis;
	}

	/**
	 * One login's time, sent with a bare HTTP client on a kept-alive connection: the
	 * OpenAPI validation of {@link #api()} would add client work to every sample and
	 * dilute the difference this test looks for.
	 */
	private double loginMillis(String name, String password) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/login"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json(name, password)))
			.build();
		long start = System.nanoTime();
		int status;
		try {
			status = this.client.send(request, BodyHandlers.discarding()).statusCode();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
		double millis = (System.nanoTime() - start) / 1e6;
		assertThat(status).isEqualTo(401);
		return millis;
	}

	private static String json(String name, String password) {
		return "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}";
	}

	private static double median(List<Double> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

}
