package org.loginservice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A 201 means the account is on disk: the service is started as a real process on its
 * default storage settings, killed with SIGKILL right after its last answer, and started
 * again on the same files.
 */
class DurabilityTests {

	private static final int ACCOUNTS = 25;

	private static final int CHANGES = 5;

	private static final String PASSWORD = "violet-Quartz-river-92";

	private static final String NEW_PASSWORD = "amber-Lantern-orbit-57";

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

	/**
	 * Each kind of change to an account is durable once answered: the last round of
	 * changes comes within milliseconds of the kill, well inside the half second an H2
	 * write delay would leave them in memory.
	 */
	@Test
	void acknowledgedDataPasswordAndDeletionChangesSurviveKillDashNine() throws Exception {
		ServiceProcess service = ServiceProcess.in(this.workingDirectory);
		try (ServiceProcess.Server server = service.serve("--auth.throttle.registrations-per-address=" + 3 * CHANGES)) {
			for (int i = 0; i < CHANGES; i++) {
				for (String kind : new String[] { "data", "password", "deleted" }) {
					given(server).post("/register?username={u}&password={p}", kind + i, PASSWORD)
						.then()
						.statusCode(201);
				}
			}
			// A clean stop (SIGTERM) here, so that only the changes below face the kill.
			server.process().destroy();
			server.process().waitFor();
		}

		try (ServiceProcess.Server server = service.serve()) {
			for (int i = 0; i < CHANGES; i++) {
				given(server).auth()
					.oauth2(token(server, "data" + i, PASSWORD))
					.contentType(ContentType.JSON)
					.body(Map.of("data", "changed " + i))
					.patch("/me")
					.then()
					.statusCode(200);
				given(server).auth()
					.oauth2(token(server, "password" + i, PASSWORD))
					.contentType(ContentType.JSON)
					.body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
					.post("/me/password")
					.then()
					.statusCode(204);
				given(server).auth()
					.oauth2(token(server, "deleted" + i, PASSWORD))
					.contentType(ContentType.JSON)
					.body(Map.of("password", PASSWORD))
					.delete("/me")
					.then()
					.statusCode(204);
			}
			server.kill();
		}

		try (ServiceProcess.Server server = service.serve()) {
			for (int i = 0; i < CHANGES; i++) {
				login(server, "data" + i, PASSWORD).then().statusCode(200).body("data", equalTo("changed " + i));
				login(server, "password" + i, NEW_PASSWORD).then().statusCode(200);
				login(server, "password" + i, PASSWORD).then().statusCode(401);
				login(server, "deleted" + i, PASSWORD).then().statusCode(401);
			}
		}
	}

	private static RequestSpecification given(ServiceProcess.Server server) {
		return RestAssured.given().port(server.port());
	}

	private static Response login(ServiceProcess.Server server, String name, String password) {
		return given(server).contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", password))
			.post("/login");
	}

	private static String token(ServiceProcess.Server server, String name, String password) {
		return login(server, name, password).then().statusCode(200).extract().path("token");
	}

}
