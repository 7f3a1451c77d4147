package org.loginservice;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 201 means the account is on disk: the service is started as a real process on its
 * default storage settings, killed with SIGKILL right after its last answer, and started
 * again on the same files.
 */
class DurabilityTests {

	private static final int ACCOUNTS = 25;

	@TempDir
	private Path workingDirectory;

	private Process process;

	@AfterEach
	void stop() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
	}

	@Test
	void acknowledgedRegistrationsSurviveKillDashNine() throws Exception {
		int port = freePort();
		this.process = start(port);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < ACCOUNTS; i++) {
			String name = "durable" + i;
			RestAssured.given()
				.port(port)
				.post("/register?username={u}&password={p}&data={d}", name, "correct horse battery", "data of " + name)
				.then()
				.statusCode(201);
			names.add(name);
		}
		this.process.destroyForcibly().waitFor();

		this.process = start(port);

		for (String name : names) {
			String data = RestAssured.given()
				.port(port)
				.get("/login?username={u}&password={p}", name, "correct horse battery")
				.then()
				.statusCode(200)
				.extract()
				.path("data");
			assertThat(data).isEqualTo("data of " + name);
		}
	}

	private Process start(int port) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Path log = this.workingDirectory.resolve("service.log");
		Process started = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				LoginServiceApplication.class.getName(), "--server.port=" + port, "--auth.password.bcrypt-cost=4",
				"--auth.throttle.registrations-per-address=" + ACCOUNTS)
			.directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			assertThat(started.isAlive()).as("service exited early; see %s:%n%s", log, Files.readString(log)).isTrue();
			try {
				return RestAssured.given().port(port).get("/").statusCode() == 200;
			}
			catch (Exception ex) {
				return false;
			}
		});
		return started;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
