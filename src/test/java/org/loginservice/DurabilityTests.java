package org.loginservice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 201 means the account is on disk: the service is started as a real process on its
 * default storage settings, killed with SIGKILL right after its last answer, and started
 * again on the same files.
 */
class DurabilityTests {

	private static final int ACCOUNTS = 25;

	@TempDir
	private Path workingDirectory;

	@Test
	void acknowledgedRegistrationsSurviveKillDashNine() throws Exception {
		ServiceProcess service = ServiceProcess.in(this.workingDirectory);
		List<String> names = new ArrayList<>();
		try (ServiceProcess.Server server = service.serve("--auth.throttle.registrations-per-address=" + ACCOUNTS)) {
			for (int i = 0; i < ACCOUNTS; i++) {
				String name = "durable" + i;
				RestAssured.given()
					.port(server.port())
					.post("/register?username={u}&password={p}&data={d}", name, "correct horse battery",
							"data of " + name)
					.then()
					.statusCode(201);
				names.add(name);
			}
			server.kill();
		}

		try (ServiceProcess.Server server = service.serve()) {
			for (String name : names) {
				String data = RestAssured.given()
					.port(server.port())
					.get("/login?username={u}&password={p}", name, "correct horse battery")
					.then()
					.statusCode(200)
					.extract()
					.path("data");
				assertThat(data).isEqualTo("data of " + name);
			}
		}
	}

}
