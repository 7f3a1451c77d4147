package org.loginservice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the README's shell examples, in order and as written, against the application with
 * curl, and compares each answer with the one the README shows after it (or in a comment
 * above the call), so that the documentation cannot drift from what the service does.
 */
@TestPropertySource(properties = "auth.introspection.clients.orders-api=" + ReadmeExamplesTests.ORDERS_API_SECRET)
class ReadmeExamplesTests extends ApiTest {

	private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

	/** The block that follows a shell block: the answer its first call gets. */
	private static final Pattern ANSWER_BLOCK = Pattern.compile("\\G\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

	/** A call of curl, as a command of its own or in a command substitution. */
	private static final Pattern CALL = Pattern.compile("(^|\\$\\()curl ", Pattern.MULTILINE);

	/** A comment that shows the answer of the call after it: "# Read it: 200 {...}". */
	private static final Pattern COMMENTED_ANSWER = Pattern.compile("^# [^\\n]*: \\d{3} (\\{.*\\})$");

	/** The status each curl call of the README gets, in the README's order. */
	private static final List<Integer> EXPECTED = List.of(200, 201, 201, 201, 200, 200, 200, 200, 200, 204, 204, 200,
			204, 200, 200, 200, 200, 200, 200, 200, 200, 200, 204, 200, 204, 200, 400);

	/** The secret of the README's resource server, orders-api. */
	static final String ORDERS_API_SECRET = "q7+Jm/2x9kVbE4wYtR1nZ8cLpH3sD6fG0aUoIeWq5Ts=";

	@TempDir
	private Path directory;

	@Test
	void everyCurlExampleGetsTheAnswerTheReadmeShows() throws Exception {
		assumeTrue(installed("curl"), "curl is not installed; on Debian: apt-get install curl");
		assumeTrue(installed("oathtool"),
				"oathtool (the authenticator app of the examples) is not installed; on Debian: apt-get install oathtool");
		StringBuilder script = new StringBuilder("""
				set -euo pipefail
				curl() {
				  local body code n
				  body=$(mktemp)
				  code=$(command curl -sS -o "$body" -D "$body.head" -w '%{http_code}' "$@")
				  echo "$code" >> "$STATUSES"
				  n=$(wc -l < "$STATUSES")
				  cp "$body" "$ANSWERS/$n.body"
				  cp "$body.head" "$ANSWERS/$n.head"
				  cat "$body"
				  echo
				}
				""");
		String readme = Files.readString(Path.of("README.md"));
		Map<Integer, String> shown = new TreeMap<>();
		int calls = 0;
		Matcher block = SHELL_BLOCK.matcher(readme);
		while (block.find()) {
			if (!block.group(1).contains("curl ")) {
				continue;
			}
			script.append(block.group(1).replace("http://localhost:8080", "http://localhost:" + port()));
			Matcher answer = ANSWER_BLOCK.matcher(readme).region(block.end(), readme.length());
			if (answer.find()) {
				shown.put(calls + 1, answer.group(1));
			}
			String commented = null;
			for (String line : block.group(1).split("\n")) {
				Matcher comment = COMMENTED_ANSWER.matcher(line);
				if (comment.matches()) {
					commented = comment.group(1);
				}
				else if (CALL.matcher(line).find()) {
					calls++;
					if (commented != null) {
						shown.put(calls, commented);
						commented = null;
					}
				}
			}
		}
		Path statuses = this.directory.resolve("statuses");
		Path answers = Files.createDirectory(this.directory.resolve("answers"));
		Path output = this.directory.resolve("output");
		ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true)
			.redirectOutput(output.toFile());
		bash.environment().put("STATUSES", statuses.toString());
		bash.environment().put("ANSWERS", answers.toString());
		bash.environment().put("ORDERS_API_SECRET", ORDERS_API_SECRET);

		Process process = bash.start();

		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(read(output)).isZero();
		assertThat(Files.readAllLines(statuses).stream().map(Integer::valueOf).toList()).as(read(output))
			.isEqualTo(EXPECTED);
		assertThat(shown).as("calls whose answer the README shows").hasSize(8);
		shown.forEach((call, answer) -> ShownAnswer.parse(answer)
			.assertMatches("curl call " + call, read(answers.resolve(call + ".head")),
					read(answers.resolve(call + ".body"))));
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static boolean installed(String command) throws InterruptedException {
		try {
			return new ProcessBuilder(command, "--version").start().waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * An answer as the README shows it: optionally a status line and headers, then a
	 * body, JSON or text.
	 *
	 * @param head the status line and headers, empty if the README shows none
	 * @param body the body
	 */
	record ShownAnswer(String head, String body) {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		/** Fields that differ on every run, matched by their form. */
		private static final Map<String, Pattern> VARYING = Map.of("token", Pattern.compile("[A-Za-z0-9_-]{43}"),
				"expiresAt", Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), "exp",
				Pattern.compile("\\d{10}"), "iat", Pattern.compile("\\d{10}"));

		static ShownAnswer parse(String shown) {
			if (!shown.startsWith("HTTP/")) {
				return new ShownAnswer("", shown.strip());
			}
			int end = shown.indexOf("\n\n");
			return new ShownAnswer(shown.substring(0, end), shown.substring(end + 2).strip());
		}

		void assertMatches(String call, String actualHead, String actualBody) {
			List<String> actualLines = actualHead.lines().map(String::strip).toList();
			this.head.lines()
				.skip(1)
				.forEach((header) -> assertThat(actualLines).as(call + " headers")
					.anySatisfy((line) -> assertThat(line).startsWithIgnoringCase(header)));
			if (!this.body.startsWith("{")) {
				assertThat(actualBody.strip()).as(call + " body").isEqualTo(this.body);
				return;
			}
			JsonNode expected = JSON.readTree(this.body);
			JsonNode actual = JSON.readTree(actualBody);
			assertThat(actual.propertyNames()).as(call + " fields")
				.containsExactlyInAnyOrderElementsOf(expected.propertyNames());
			for (String field : expected.propertyNames()) {
				if (VARYING.containsKey(field)) {
					assertThat(actual.get(field).asString()).as(call + " " + field).matches(VARYING.get(field));
				}
				else {
					assertThat(actual.get(field)).as(call + " " + field).isEqualTo(expected.get(field));
				}
			}
		}

	}

}
