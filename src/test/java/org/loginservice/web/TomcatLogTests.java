package org.loginservice.web;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loginservice.ApiTest;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request input in the log when a request is refused before the application sees it.
 * Tomcat's parser logs the first bad request of each of its processors at INFO, quoting
 * the request target or the Host header, where the tutorial's query string holds a
 * password. With no processor kept ({@code processor-cache=0}) every request is the first
 * of a new one, so each would be logged.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "server.tomcat.processor-cache=0")
class TomcatLogTests extends ApiTest {

	private static final String SECRET = "Tr0ub4dor-and-3-secret";

	@ParameterizedTest
	@ValueSource(strings = { "GET /login?username=a&password=" + SECRET + "{} HTTP/1.1\r\nHost: localhost\r\n",
			"GET /login?username=a&password=" + SECRET + "\u0001 HTTP/1.1\r\nHost: localhost\r\n",
			"GET /login HTTP/1.1\r\nHost: " + SECRET + "{}\r\n",
			"GET /login HTTP/1.1\r\nHost: localhost\r\nX-" + SECRET + "{}: x\r\n" })
	void badRequestThenNothingOfItInTheLog(String head, CapturedOutput output) throws IOException {
		try (Socket socket = new Socket("localhost", port())) {
			socket.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

			assertThat(response).startsWith("HTTP/1.1 400 ");
		}
		assertThat(output.getAll()).doesNotContain(SECRET);
	}

	/**
	 * Spring's resource handler warns of a path that climbs out of its folder, quoting
	 * it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/demo/%2e%2e/", "/demo/..;/", "/demo/a/../../", "/swagger-ui/%2e%2e/" })
	void climbingPathThenNothingOfItInTheLog(String prefix, CapturedOutput output) throws IOException {
		try (Socket socket = new Socket("localhost", port())) {
			String head = "GET " + prefix + SECRET + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

			assertThat(response).startsWith("HTTP/1.1 4");
		}
		assertThat(output.getAll()).doesNotContain(SECRET);
	}

	/** Spring MVC's PageNotFound logger quotes the path of each request it cannot map. */
	@ParameterizedTest
	@ValueSource(strings = { "GET", "PUT" })
	void unknownPathThenNothingOfItInTheLog(String method, CapturedOutput output) {
		api().request(method, "/" + SECRET).then().statusCode(404);
		api().request(method, "/me/" + SECRET).then().statusCode(404);

		assertThat(output.getAll()).doesNotContain(SECRET);
	}

}
