package org.loginservice.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loginservice.ApiTest;
import org.loginservice.LoginServiceApplication;
import org.loginservice.Simultaneous;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simultaneous registrations of one name, or of two names that look alike, on two
 * instances of the service sharing one database, so that only its unique indexes can
 * settle them: each instance refuses its own duplicates from memory before any database
 * work, which on one instance alone would hide a missing index. The second instance is a
 * second application context in this JVM, on the very database of the first (H2 shares an
 * embedded database between the connections of one JVM; on PostgreSQL it is one server).
 * A BCrypt cost of 10 (tens of milliseconds) keeps both winners hashing while the other
 * checks the name is free, so both reach the insert.
 */
@TestPropertySource(properties = "auth.password.bcrypt-cost=10")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationRaceTests extends ApiTest {

	private static final int CLIENTS = 24;

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	private ConfigurableApplicationContext other;

	@BeforeAll
	void startASecondInstanceOnTheSameDatabase() {
		// The pool's URL, not the property, which would draw a new ${random.uuid}; as
		// command-line arguments, which override application.properties.
		HikariDataSource database = (HikariDataSource) this.dataSource;
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--spring.datasource.url=" + database.getJdbcUrl(),
				"--spring.datasource.username=" + database.getUsername(),
				"--spring.datasource.password=" + Objects.toString(database.getPassword(), "")));
		for (String key : List.of("auth.password.bcrypt-cost", "auth.throttle.registrations-per-address",
				"auth.throttle.failed-logins-per-address", "auth.challenge.mode")) {
			arguments.add("--" + key + "=" + this.environment.getRequiredProperty(key));
		}
		// Set on PostgreSQL only; beside the H2 file, the default is the same for both.
		String keyFile = this.environment.getProperty("auth.totp.key-file");
		if (keyFile != null) {
			arguments.add("--auth.totp.key-file=" + keyFile);
		}
		this.other = new SpringApplicationBuilder(LoginServiceApplication.class).run(arguments.toArray(String[]::new));
		assertThat(((HikariDataSource) this.other.getBean(DataSource.class)).getJdbcUrl())
			.isEqualTo(database.getJdbcUrl());
	}

	@AfterAll
	void stopTheSecondInstance() {
		if (this.other != null) {
			this.other.close();
		}
	}

	@Test
	void registerSameNameAtOnceOnTwoInstancesThenExactlyOneCreatedAndTheRestConflict() throws Exception {
		String name = uniqueName("contested");

		List<Integer> results = registerAtOnce((i) -> (i % 4 < 2) ? name : name.toUpperCase());

		assertThat(results).containsOnly(201, 409);
		assertThat(results).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(rows(name, name.toUpperCase())).isOne();
	}

	@Test
	void registerLookAlikeNamesAtOnceOnTwoInstancesThenExactlyOneCreatedAndTheRestConflict() throws Exception {
		String latin = uniqueName("cop");
		String cyrillic = "\u0441\u043E\u0440" + latin.substring(3);

		List<Integer> results = registerAtOnce((i) -> (i % 4 < 2) ? latin : cyrillic);

		assertThat(results).containsOnly(201, 409);
		assertThat(results).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(rows(latin, cyrillic)).isOne();
	}

	/**
	 * The status of each client's registration, all sent at one moment, alternately to
	 * each instance, so that each instance sees both names.
	 */
	private List<Integer> registerAtOnce(IntFunction<String> nameOfClient) throws Exception {
		int otherPort = Integer.parseInt(this.other.getEnvironment().getProperty("local.server.port"));
		return Simultaneous.requests(CLIENTS,
				(i) -> ((i % 2 == 0) ? api() : RestAssured.given().port(otherPort))
					.post("/register?username={u}&password={p}", nameOfClient.apply(i), "correct horse battery")
					.statusCode());
	}

	private int rows(String first, String second) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE username IN (?, ?)", Integer.class, first,
				second);
	}

}
