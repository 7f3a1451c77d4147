package org.loginservice.web;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loginservice.ApiTest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public port builds no absolute URL from the Host header, so a forged one cannot
 * turn an answer (a cached redirect, a link) against other users.
 */
class HostHeaderTests extends ApiTest {

	private static final String HOST = "evil.example";

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "GET, /swagger-ui.html, 302", "GET, /nowhere, 404", "DELETE, /register, 405", "GET, /me, 401",
			"TRACE, /, 405", "GET, /register%2f, 400", "GET, /log%zzin, 400", "GET, /test/redirect, 302" })
	void forgedHostIsNotReflected(String method, String target, int status) throws IOException {
		String response = send(method + " " + target + " HTTP/1.1\r\nHost: " + HOST + "\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 " + status + " ");
		assertThat(response).doesNotContainIgnoringCase(HOST);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/swagger-ui.html, /swagger-ui/index.html", "/test/redirect, /test/elsewhere" })
	void redirectsAreRelative(String target, String location) throws IOException {
		String response = send("GET " + target + " HTTP/1.1\r\nHost: " + HOST + "\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 302 ").contains("\r\nLocation: " + location + "\r\n");
	}

	/**
	 * A redirect through {@code sendRedirect}, which Tomcat makes absolute from the Host
	 * header unless told not to (springdoc's sets its Location itself).
	 */
	@TestConfiguration
	static class Redirecting {

		@RestController
		static class RedirectController {

			@GetMapping("/test/redirect")
			void redirect(HttpServletResponse response) throws IOException {
				response.sendRedirect("/test/elsewhere");
			}

		}

	}

	/** One request over a plain socket, exactly as given; the whole answer as text. */
	private String send(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port())) {
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
