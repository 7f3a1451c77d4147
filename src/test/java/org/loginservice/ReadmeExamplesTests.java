package org.loginservice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the README's shell examples, in order and as written, against the application with
 * curl, so that the documentation cannot drift from what the service does.
 */
class ReadmeExamplesTests extends ApiTest {

	private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

	/** The status each curl call of the README gets, in the README's order. */
	private static final List<Integer> EXPECTED = List.of(200, 201, 201, 201, 200, 200, 200, 200, 200, 204, 204, 200,
			204, 400);

	@TempDir
	private Path directory;

	@Test
	void everyCurlExampleGetsTheAnswerTheReadmeShows() throws Exception {
		assumeTrue(curlInstalled(), "curl is not installed; on Debian: apt-get install curl");
		StringBuilder script = new StringBuilder("""
				set -euo pipefail
				curl() {
				  local body code
				  body=$(mktemp)
				  code=$(command curl -sS -o "$body" -w '%{http_code}' "$@")
				  echo "$code" >> "$STATUSES"
				  cat "$body"
				  echo
				}
				""");
		Matcher block = SHELL_BLOCK.matcher(Files.readString(Path.of("README.md")));
		while (block.find()) {
			if (block.group(1).contains("curl ")) {
				script.append(block.group(1).replace("http://localhost:8080", "http://localhost:" + port()));
			}
		}
		Path statuses = this.directory.resolve("statuses");
		Path output = this.directory.resolve("output");
		ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true)
			.redirectOutput(output.toFile());
		bash.environment().put("STATUSES", statuses.toString());

		Process process = bash.start();

		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(read(output)).isZero();
		assertThat(Files.readAllLines(statuses).stream().map(Integer::valueOf).toList()).as(read(output))
			.isEqualTo(EXPECTED);
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static boolean curlInstalled() throws InterruptedException {
		try {
			return new ProcessBuilder("curl", "--version").start().waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
