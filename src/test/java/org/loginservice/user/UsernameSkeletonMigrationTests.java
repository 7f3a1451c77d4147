package org.loginservice.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loginservice.TestDatabase;
import org.loginservice.password.PasswordHasher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.equalTo;

/**
 * The skeleton migration on a database made before it: accounts stored at V3, under the
 * old rules, among them two pairs of look-alikes; then the service starts and migrates
 * the rest. On H2, or on PostgreSQL when asked to (see {@link TestDatabase}).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "auth.password.bcrypt-cost=4")
class UsernameSkeletonMigrationTests {

	/** In id order: each look-alike after the one it looks like. */
	private static final String[] NAMES = { "soham", "\u0455oham", "modern", "Ada", "rnodern" };

	private static final Map<String, Long> ids = new HashMap<>();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void accountsMadeBeforeTheMigration(DynamicPropertyRegistry properties) throws Exception {
		String url = TestDatabase.enabled() ? TestDatabase.create()
				: "jdbc:h2:file:./target/test-db/" + UUID.randomUUID() + ";WRITE_DELAY=0";
		String user = TestDatabase.enabled() ? TestDatabase.user() : "sa";
		String password = TestDatabase.enabled() ? TestDatabase.password() : "";
		Flyway.configure().dataSource(url, user, password).target("3").load().migrate();
		try (Connection connection = DriverManager.getConnection(url, user, password);
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO users (username, canonical_username, password_hash, data, created_at) "
								+ "VALUES (?, ?, ?, ?, ?)",
						new String[] { "id" })) {
			for (String name : NAMES) {
				Username username = Username.of(name);
				insert.setString(1, username.display());
				insert.setString(2, username.canonical());
				insert.setString(3, PasswordHasher.TUTORIAL_MD5 + md5(password(name)));
				insert.setString(4, "data of " + name);
				insert.setObject(5, Instant.now().atOffset(ZoneOffset.UTC));
				insert.executeUpdate();
				try (var keys = insert.getGeneratedKeys()) {
					keys.next();
					ids.put(name, keys.getLong(1));
				}
			}
		}
		properties.add("spring.datasource.url", () -> url);
		properties.add("spring.datasource.username", () -> user);
		properties.add("spring.datasource.password", () -> password);
	}

	@Test
	void laterLookAlikeIsLeftWithoutSkeletonAndLoggedByIdsOnly(CapturedOutput output) {
		assertThat(skeleton("soham")).isEqualTo(Username.of("soham").skeleton());
		assertThat(skeleton("\u0455oham")).isNull();
		assertThat(skeleton("modern")).isEqualTo(Username.of("modern").skeleton());
		assertThat(skeleton("rnodern")).isNull();
		assertThat(skeleton("Ada")).isEqualTo(Username.of("ada").skeleton());

		assertThat(output.getAll()).contains("Filled the username skeletons of 5 accounts; 2 left without");
		List<String> warnings = output.getAll()
			.lines()
			.filter((line) -> line.contains(" WARN ") && line.contains("UsernameSkeletonMigration"))
			.toList();
		assertThat(warnings).hasSize(2)
			.anyMatch((line) -> line.contains(lookAlike("\u0455oham", "soham")))
			.anyMatch((line) -> line.contains(lookAlike("rnodern", "modern")))
			.noneMatch((line) -> line.contains("oham") || line.contains("modern") || line.contains("rnodern"));
	}

	@Test
	void everyAccountMadeBeforeTheMigrationStillLogsIn() {
		for (String name : NAMES) {
			login(name.toUpperCase(), password(name)).then().statusCode(200).body("data", equalTo("data of " + name));
		}
	}

	@Test
	void lookAlikeOfAnAccountLeftWithoutSkeletonIsStillTaken() {
		register("RNODERN").then().statusCode(409).body("type", equalTo("/problems/username-taken"));
		register("rn0dern").then().statusCode(201);
	}

	@Test
	void skeletonIsUniqueOnceMigrated() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update("UPDATE users SET username_skeleton = ? WHERE id = ?",
					Username.of("soham").skeleton(), ids.get("Ada")));
	}

	private static String lookAlike(String later, String first) {
		return "Account id=" + ids.get(later) + " has a username that looks like that of account id=" + ids.get(first)
				+ ":";
	}

	private String skeleton(String name) {
		return this.jdbc.queryForObject("SELECT username_skeleton FROM users WHERE id = ?", String.class,
				ids.get(name));
	}

	private Response login(String name, String password) {
		return RestAssured.given()
			.port(this.port)
			.contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", password))
			.post("/login");
	}

	private Response register(String name) {
		return RestAssured.given()
			.port(this.port)
			.contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", "correct horse battery"))
			.post("/register");
	}

	private static String password(String name) {
		return "password of " + name;
	}

	private static String md5(String password) throws NoSuchAlgorithmException {
		MessageDigest md5 = MessageDigest.getInstance("MD5");
		return HexFormat.of().formatHex(md5.digest(password.getBytes(StandardCharsets.UTF_8)));
	}

}
