package org.loginservice.user;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HexFormat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loginservice.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The import as a user runs it: the command in a real process on the default database,
 * then the service on the same files.
 */
class TutorialImportTests {

	@TempDir
	private Path directory;

	@Test
	void tutorialUsersImportAndLogInWithTheirOldPasswordsWhichAreThenRehashed() throws Exception {
		write("first.json", "{\"taken\": " + user("taken-pass", "already here") + "}");
		write("tutorial.json", """
				{
				  "alice": %s,
				  "Bob": {"password": "%s", "data": "bob's data"},
				  "TAKEN": %s,
				  "BOB": %s,
				  "bad name": %s,
				  "carol": "{not json",
				  "dave": {"password": "plaintext", "data": ""},
				  "erin": 42
				}
				""".formatted(user("alice-pass", "alice's data"), md5("hunter2"), user("x", ""), user("y", ""),
				user("z", "")));
		ServiceProcess service = ServiceProcess.in(this.directory);

		assertThat(service.run("import", "first.json")).isZero();
		assertThat(service.run("import", "tutorial.json")).isZero();

		assertThat(service.output()).contains("imported 1, skipped 0, failed 0")
			.contains("imported 2, skipped 6 (taken: 2, invalid name: 1, malformed entry: 3), failed 0")
			.contains("skipped 'TAKEN': taken")
			.contains("skipped 'BOB': taken")
			.contains("skipped 'bad name': invalid name")
			.contains("skipped 'carol': malformed entry")
			.contains("skipped 'dave': malformed entry")
			.contains("skipped 'erin': malformed entry")
			.doesNotContain("Tomcat");
		try (ServiceProcess.Server server = service.serve()) {
			login(server, "alice", "alice-pass").then().statusCode(200).body("data", equalTo("alice's data"));
			login(server, "bob", "hunter2").then().statusCode(200).body("data", equalTo("bob's data"));
			login(server, "alice", "wrong-pass").then().statusCode(401);
		}
		assertThat(storedHash("alice")).startsWith("$2b$");
		assertThat(storedHash("taken")).startsWith("{md5}");
		try (ServiceProcess.Server server = service.serve()) {
			login(server, "alice", "alice-pass").then().statusCode(200);
		}
	}

	/**
	 * Status 2, as the README promises, for bad input (a file that is not one JSON
	 * object, or no file named), set apart from 1, which says the database refused the
	 * import.
	 */
	@Test
	void malformedFileImportsNothingAndExitsWithStatus2() throws Exception {
		write("broken.json", "{\"alice\": " + user("alice-pass", "") + ", \"bob\": ");
		write("array.json", "[" + user("alice-pass", "") + "]");
		ServiceProcess service = ServiceProcess.in(this.directory);

		assertThat(service.run("import", "broken.json")).isEqualTo(2);
		assertThat(service.run("import", "array.json")).isEqualTo(2);
		assertThat(service.run("import", "missing.json")).isEqualTo(2);
		assertThat(service.run("import")).isEqualTo(2);

		assertThat(service.output()).contains("Nothing imported: broken.json is not valid JSON")
			.contains("Nothing imported: array.json must hold one JSON object")
			.contains("Nothing imported: missing.json cannot be read")
			.contains("Usage: java -jar login-service.jar import FILE.json");
		assertThat(this.directory.resolve("data")).doesNotExist();
	}

	private Response login(ServiceProcess.Server server, String name, String password) {
		return RestAssured.given().port(server.port()).get("/login?username={u}&password={p}", name, password);
	}

	private String storedHash(String name) throws Exception {
		String url = "jdbc:h2:file:" + this.directory.resolve("data/login-service") + ";IFEXISTS=TRUE";
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				ResultSet row = connection.createStatement()
					.executeQuery("SELECT password_hash FROM users WHERE canonical_username = '" + name + "'")) {
			assertThat(row.next()).isTrue();
			return row.getString(1);
		}
	}

	private void write(String name, String content) throws Exception {
		Files.writeString(this.directory.resolve(name), content);
	}

	/** A user as the tutorial stores it: a JSON string holding the object. */
	private static String user(String password, String data) throws Exception {
		String object = "{\"password\": \"" + md5(password) + "\", \"data\": \"" + data + "\"}";
		return "\"" + object.replace("\"", "\\\"") + "\"";
	}

	private static String md5(String password) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8)));
	}

}
