package org.loginservice.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loginservice.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise that every response carries the same security headers, whoever
 * writes it: a controller, Spring's error handling, or Tomcat refusing a request before
 * any of the application sees it. Sent over a plain socket, since REST Assured cannot
 * send an over-long request line, an encoded slash or a TRACE as given, and so that the
 * headers are read as they came, without a client adding or folding any.
 */
class SecurityHeadersTests extends ApiTest {

	/** API answers are data: nothing in them may run or load. */
	private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	/** The demo page and Swagger UI load their own scripts and styles, nothing else. */
	private static final String PAGE_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; frame-ancestors 'none'";

	private static final String HOST = "Host: localhost\r\n";

	static Stream<Arguments> responses() {
		String name = "headers-" + System.nanoTime();
		String form = "username=" + name + "&password=violet-Quartz-river-92";
		return Stream.of(Arguments.of("hello", "GET / HTTP/1.1\r\n" + HOST + "\r\n", 200, API_POLICY),
				Arguments.of("registration",
						"POST /register HTTP/1.1\r\n" + HOST
								+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
								+ "\r\n\r\n" + form,
						201, API_POLICY),
				Arguments.of("demo page", "GET /demo HTTP/1.1\r\n" + HOST + "\r\n", 200, PAGE_POLICY),
				Arguments.of("Swagger UI", "GET /swagger-ui/index.html HTTP/1.1\r\n" + HOST + "\r\n", 200, PAGE_POLICY),
				Arguments.of("malformed JSON",
						"POST /register HTTP/1.1\r\n" + HOST
								+ "Content-Type: application/json\r\nContent-Length: 1\r\n\r\n{",
						400, API_POLICY),
				Arguments.of("no token", "GET /me HTTP/1.1\r\n" + HOST + "\r\n", 401, API_POLICY),
				Arguments.of("unknown path", "GET /nowhere HTTP/1.1\r\n" + HOST + "\r\n", 404, API_POLICY),
				Arguments.of("unknown file under /demo", "GET /demo/nowhere.js HTTP/1.1\r\n" + HOST + "\r\n", 404,
						API_POLICY),
				Arguments.of("TRACE, refused by Tomcat", "TRACE / HTTP/1.1\r\n" + HOST + "\r\n", 405, API_POLICY),
				Arguments.of("9 KiB header, refused by Tomcat",
						"GET / HTTP/1.1\r\n" + HOST + "X-Big: " + "b".repeat(9 * 1024) + "\r\n\r\n", 431, API_POLICY),
				Arguments.of("10 KiB request line, refused by Tomcat",
						"GET /?pad=" + "q".repeat(10 * 1024) + " HTTP/1.1\r\n" + HOST + "\r\n", 414, API_POLICY),
				Arguments.of("encoded slash, refused by Tomcat", "GET /register%2f HTTP/1.1\r\n" + HOST + "\r\n", 400,
						API_POLICY));
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("responses")
	void everyResponseCarriesTheSecurityHeaders(String what, String request, int status, String policy)
			throws IOException {
		Map<String, String> headers = new LinkedHashMap<>();

		int answered = send(request, headers);

		assertThat(answered).as(what).isEqualTo(status);
		assertThat(headers).as(what)
			.containsEntry("cache-control", "no-store")
			.containsEntry("x-content-type-options", "nosniff")
			.containsEntry("x-frame-options", "DENY")
			.containsEntry("content-security-policy", policy)
			.containsEntry("referrer-policy", "no-referrer")
			.doesNotContainKey("server");
	}

	/**
	 * Sends a request exactly as given on a connection of its own, and returns the status
	 * with the headers, by lower-case name, each of which must come once.
	 */
	private int send(String request, Map<String, String> headers) throws IOException {
		try (Socket socket = new Socket("localhost", port())) {
			OutputStream out = socket.getOutputStream();
			out.write(request.replace("HTTP/1.1\r\n", "HTTP/1.1\r\nConnection: close\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
			head.lines().skip(1).forEach((line) -> {
				String name = line.substring(0, line.indexOf(':')).toLowerCase();
				assertThat(headers.put(name, line.substring(line.indexOf(':') + 1).trim())).as(name + " twice")
					.isNull();
			});
			return Integer.parseInt(head.substring(9, 12));
		}
	}

}
