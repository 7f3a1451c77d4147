package org.loginservice.throttle;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loginservice.ApiTest;
import org.loginservice.MutableClock;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the proxy setting, a client cannot dodge the limits by claiming addresses; with
 * it, only a well-formed address added by a trusted proxy (loopback here) counts. The
 * clock stands still, so no window ends in the middle of a test.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "auth.throttle.registrations-per-address=2")
class ForwardedForTests extends ApiTest {

	private static final String PASSWORD = "violet-Quartz-river-92";

	@Test
	void forwardedForIsIgnoredByDefault() {
		for (int i = 0; i < 2; i++) {
			api().header("X-Forwarded-For", "192.0.2." + i)
				.post("/register?username={u}&password={p}", uniqueName("spoof"), PASSWORD)
				.then()
				.statusCode(201);
		}

		api().header("X-Forwarded-For", "192.0.2.99")
			.post("/register?username={u}&password={p}", uniqueName("spoof"), PASSWORD)
			.then()
			.statusCode(429);
	}

	@Nested
	@ExtendWith(OutputCaptureExtension.class)
	@TestPropertySource(properties = "server.forward-headers-strategy=native")
	class BehindAProxy extends ApiTest {

		@Test
		void theRightmostAddressThatIsNoProxyIsTheClient(CapturedOutput output) {
			assertThat(addressLoggedFor("1.2.3.4, 10.0.0.1", output)).isEqualTo("1.2.3.4");
		}

		@Test
		void theAddressIsLoggedCanonically(CapturedOutput output) {
			assertThat(addressLoggedFor("2001:DB8:0:0:0:0:0:1", output)).isEqualTo("2001:db8::1");
			assertThat(addressLoggedFor("::ffff:198.51.100.4", output)).isEqualTo("198.51.100.4");
		}

		@Test
		void textThatIsNoAddressMeansThePeer(CapturedOutput output) {
			String peer = addressLoggedFor(null, output);

			assertThat(addressLoggedFor("9.9.9.8 username=admin", output)).isEqualTo(peer);
			assertThat(addressLoggedFor("client.example", output)).isEqualTo(peer);
			assertThat(addressLoggedFor("1.2.3.4, localhost", output)).isEqualTo(peer);
			assertThat(output.getAll()).doesNotContain("9.9.9.8").doesNotContain("client.example");
		}

		@Test
		void rotatingGarbageCountsUnderThePeer() {
			for (String garbage : new String[] { "garbage-1", "1.2.3.4 x" }) {
				api().header("X-Forwarded-For", garbage)
					.post("/register?username={u}&password={p}", uniqueName("rotating"), PASSWORD)
					.then()
					.statusCode(201);
			}

			api().header("X-Forwarded-For", "garbage-3")
				.post("/register?username={u}&password={p}", uniqueName("rotating"), PASSWORD)
				.then()
				.statusCode(429);
			api().post("/register?username={u}&password={p}", uniqueName("rotating"), PASSWORD).then().statusCode(429);
		}

		/** Fails a login under a new name, and returns the address its log line names. */
		private String addressLoggedFor(String forwardedFor, CapturedOutput output) {
			String name = uniqueName("forwarded");
			var request = api().contentType(ContentType.JSON).body(Map.of("username", name, "password", PASSWORD));
			if (forwardedFor != null) {
				request.header("X-Forwarded-For", forwardedFor);
			}
			request.post("/login").then().statusCode(401);
			Matcher line = Pattern.compile("login outcome=failure username=" + name + " address=(\\S*)")
				.matcher(output.getAll());
			assertThat(line.find()).as("a log line for %s", name).isTrue();
			return line.group(1);
		}

	}

}
