package org.loginservice.admin;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loginservice.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar login-service.jar admin ...}: the admin API's actions from the command
 * line, on the database of a service that is stopped (H2's file belongs to one process).
 */
class AdminCommandTests {

	private static final String PASSWORD = "violet-Quartz-river-92";

	private static final String NEW_PASSWORD = "amber falcon over the harbor";

	private static final Pattern RESET_CODE = Pattern
		.compile("resetCode=([2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}) expiresAt=\\S+Z");

	@TempDir
	private Path directory;

	@Test
	void unlockResetRevokeAndDeleteFromTheCommandLine() throws Exception {
		ServiceProcess service = ServiceProcess.in(this.directory);
		String token;
		try (ServiceProcess.Server server = service.serve()) {
			RestAssured.given()
				.port(server.port())
				.post("/register?username=ada&password={p}", PASSWORD)
				.then()
				.statusCode(201);
			token = login(server, "ada", PASSWORD).then().statusCode(200).extract().path("token");
			for (int i = 0; i < 5; i++) {
				login(server, "ada", "wrong password " + i).then().statusCode(401);
			}
			login(server, "ada", PASSWORD).then().statusCode(429);
		}

		assertThat(service.run("admin", "unlock", "ADA")).isZero();
		assertThat(service.run("admin", "password-reset", "ada")).isZero();
		Matcher code = RESET_CODE.matcher(service.output());
		assertThat(code.find()).as(service.output()).isTrue();
		assertThat(service.run("admin", "revoke-sessions", "ada")).isZero();

		try (ServiceProcess.Server server = service.serve()) {
			RestAssured.given().port(server.port()).auth().oauth2(token).get("/me").then().statusCode(401);
			RestAssured.given()
				.port(server.port())
				.contentType(ContentType.JSON)
				.body(Map.of("username", "ada", "resetCode", code.group(1), "newPassword", NEW_PASSWORD))
				.post("/password-reset")
				.then()
				.statusCode(204);
			login(server, "ada", NEW_PASSWORD).then().statusCode(200);
		}

		assertThat(service.run("admin", "delete", "ada")).isZero();
		assertThat(service.run("admin", "delete", "ada")).isEqualTo(1);
		assertThat(service.output()).contains("unlock ADA: done", "revoke-sessions ada: done", "delete ada: done",
				"No account has that name.");
	}

	@Test
	void aWrongCommandLineExitsWithStatus2AndTouchesNothing() throws Exception {
		ServiceProcess service = ServiceProcess.in(this.directory);

		assertThat(service.run("admin")).isEqualTo(2);
		assertThat(service.run("admin", "unlock")).isEqualTo(2);
		assertThat(service.run("admin", "promote", "ada")).isEqualTo(2);
		assertThat(service.run("admin", "unlock", "ada", "bob")).isEqualTo(2);

		assertThat(service.output())
			.contains("Usage: java -jar login-service.jar admin unlock|revoke-sessions|password-reset|delete NAME");
		assertThat(this.directory.resolve("data")).doesNotExist();
	}

	private static Response login(ServiceProcess.Server server, String name, String password) {
		return RestAssured.given()
			.port(server.port())
			.contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", password))
			.post("/login");
	}

}
