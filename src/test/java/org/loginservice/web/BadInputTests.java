package org.loginservice.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loginservice.ApiTest;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad requests, sent as raw bytes where a client library would refuse to send them. Each
 * gets a 4xx problem+json with no trace of the server's insides, and nothing is lost.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputTests extends ApiTest {

	/** A password that must never reach the log, whatever the request did wrong. */
	private static final String SECRET = "Tr0ub4dor-and-3-secret";

	private static final String JSON = "application/json";

	private static final String FORM = "application/x-www-form-urlencoded";

	static Stream<Arguments> badRequests() {
		String deep = "{\"username\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
		return Stream.of(Arguments.of("malformed JSON", "POST", "/register", JSON, "{\"username\":", 400),
				Arguments.of("JSON array", "POST", "/register", JSON, "[\"a\",\"b\"]", 400),
				Arguments.of("JSON string", "POST", "/login", JSON, "\"" + SECRET + "\"", 400),
				Arguments.of("JSON null", "POST", "/login", JSON, "null", 400),
				Arguments.of("empty JSON body", "POST", "/register", JSON, "", 400),
				Arguments.of("object for a string", "POST", "/register", JSON,
						"{\"username\":{\"a\":1},\"password\":\"" + SECRET + "\"}", 400),
				Arguments.of("number for a string", "POST", "/register", JSON,
						"{\"username\":\"numbers\",\"password\":12345678901}", 400),
				Arguments.of("boolean for a string", "POST", "/login", JSON,
						"{\"username\":true,\"password\":\"" + SECRET + "\"}", 400),
				Arguments.of("deep nesting", "POST", "/register", JSON, deep, 400),
				Arguments.of("missing fields", "POST", "/login", JSON, "{}", 400),
				Arguments.of("text body", "POST", "/register", "text/plain", "username=a&password=" + SECRET, 415),
				Arguments.of("XML body", "POST", "/login", "application/xml", "<login/>", 415),
				Arguments.of("wrong method", "DELETE", "/register", null, null, 405),
				Arguments.of("wrong method on login", "PUT", "/login", JSON, "{}", 405),
				Arguments.of("unknown path", "GET", "/users", null, null, 404),
				Arguments.of("broken escape in query", "GET", "/login?username=a&password=" + SECRET + "%zz", null,
						null, 400),
				Arguments.of("broken escape in form", "POST", "/register", FORM,
						"username=abc&password=" + SECRET + "%g1", 400),
				Arguments.of("broken escape in path", "GET", "/log%zzin?password=" + SECRET, null, null, 400), Arguments
					.of("invalid UTF-8 in query", "GET", "/login?username=%C3%28&password=" + SECRET, null, null, 400));
	}

	@ParameterizedTest(name = "{0} -> {5}")
	@MethodSource("badRequests")
	void badRequestThenProblemWithoutInternals(String what, String method, String target, String contentType,
			String body, int status, CapturedOutput output) throws IOException {
		byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null;

		RawResponse response = send(method, target, contentType, bytes);

		assertProblem(response, status);
		assertThat(output.getAll()).doesNotContain(SECRET);
	}

	static Stream<Arguments> refusedByTomcat() {
		return Stream.of(Arguments.of("TRACE", "TRACE / HTTP/1.1\r\nHost: localhost\r\n", 405),
				Arguments.of("9 KB header",
						"GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(9 * 1024) + "\r\n", 431),
				Arguments.of("10 KB request line",
						"GET /login?username=a&password=" + SECRET + "&pad=" + "q".repeat(10 * 1024)
								+ " HTTP/1.1\r\nHost: localhost\r\n",
						414),
				Arguments.of("encoded slash", "GET /register%2f HTTP/1.1\r\nHost: localhost\r\n", 400),
				Arguments.of("bad character in target",
						"GET /login?password=" + SECRET + "{} HTTP/1.1\r\nHost: localhost\r\n", 400),
				Arguments.of("no Host", "GET / HTTP/1.1\r\n", 400));
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("refusedByTomcat")
	void refusedByTomcatThenProblemWithSecurityHeaders(String what, String head, int status, CapturedOutput output)
			throws IOException {
		RawResponse response = sendHead(head + "Connection: close\r\n\r\n");

		assertProblem(response, status);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
		assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(output.getAll()).doesNotContain(SECRET);
	}

	@Test
	void invalidUtf8InJsonThenBadRequest() throws IOException {
		byte[] body = "{\"username\":\"ab\u00ff\u00fe\",\"password\":\"abcdefghij\"}"
			.getBytes(StandardCharsets.ISO_8859_1);

		assertProblem(send("POST", "/register", JSON, body), 400);
	}

	@Test
	void bodyOverOneMebibyteWithLengthThenContentTooLarge() throws IOException {
		byte[] body = new byte[1024 * 1024 + 1];

		assertProblem(send("POST", "/register", JSON, body), 413);
	}

	@Test
	void chunkedBodyOverOneMebibyteThenContentTooLarge() throws Exception {
		String json = "{\"username\":\"chunky\",\"password\":\"" + "p".repeat(1024 * 1024) + "\"}";
		String form = "username=chunky&password=" + "p".repeat(1024 * 1024);

		assertThat(sendChunked(JSON, json).statusCode()).isEqualTo(413);
		assertThat(sendChunked(FORM, form).statusCode()).isEqualTo(413);
	}

	@Test
	void badRequestsLoseNothing() throws IOException {
		String name = uniqueName("survivor");
		api().post("/register?username={u}&password={p}", name, SECRET).then().statusCode(201);

		badRequests().forEach((arguments) -> {
			Object[] a = arguments.get();
			String body = (String) a[4];
			try {
				send((String) a[1], (String) a[2], (String) a[3],
						(body != null) ? body.getBytes(StandardCharsets.UTF_8) : null);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});

		api().get("/login?username={u}&password={p}", name, SECRET).then().statusCode(200);
	}

	private void assertProblem(RawResponse response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + status)
			.doesNotContain("Exception")
			.doesNotContain("at org.")
			.doesNotContainIgnoringCase("<html")
			.doesNotContain(SECRET);
	}

	private HttpResponse<String> sendChunked(String contentType, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/register"))
			.header("Content-Type", contentType)
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
			.build();
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, BodyHandlers.ofString());
	}

	/**
	 * One request over a plain socket, exactly as given, with the connection closed
	 * after.
	 */
	private RawResponse send(String method, String target, String contentType, byte[] body) throws IOException {
		try (Socket socket = new Socket("localhost", port())) {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			head.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			if (contentType != null) {
				head.writeBytes(("Content-Type: " + contentType + "\r\n").getBytes(StandardCharsets.US_ASCII));
			}
			if (body != null) {
				head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			}
			head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			out.write(head.toByteArray());
			if (body != null) {
				try {
					out.write(body);
				}
				catch (IOException ex) {
					// The server may answer and close before reading all of a body it
					// refuses.
				}
			}
			out.flush();
			return RawResponse.parse(socket.getInputStream().readAllBytes());
		}
	}

	/** A request line and headers, exactly as given, and no body. */
	private RawResponse sendHead(String head) throws IOException {
		try (Socket socket = new Socket("localhost", port())) {
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return RawResponse.parse(socket.getInputStream().readAllBytes());
		}
	}

	private record RawResponse(int status, String headers, String body) {

		static RawResponse parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String headers = text.substring(0, end);
			String body = text.substring(end + 4);
			if (headers.contains("Transfer-Encoding: chunked")) {
				body = unchunk(body);
			}
			return new RawResponse(Integer.parseInt(headers.substring(9, 12)), headers, body);
		}

		String header(String name) {
			return this.headers.lines()
				.filter((line) -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
				.map((line) -> line.substring(name.length() + 1).trim())
				.findFirst()
				.orElse("");
		}

		private static String unchunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (true) {
				int lineEnd = chunked.indexOf("\r\n", at);
				int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
				if (size == 0) {
					return body.toString();
				}
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				at = lineEnd + 2 + size + 2;
			}
		}

	}

}
