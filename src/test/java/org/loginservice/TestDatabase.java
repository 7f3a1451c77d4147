package org.loginservice;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fresh PostgreSQL databases for the tests, when {@code test.postgres.url} names a
 * server's maintenance database (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, as {@code ./mvnw verify -Ppostgres}
 * sets it). Each database is dropped when the test JVM exits.
 */
public final class TestDatabase {

	private static final String ADMIN_URL = System.getProperty("test.postgres.url", "");

	private static final String USER = System.getProperty("test.postgres.user", "postgres");

	private static final String PASSWORD = System.getProperty("test.postgres.password", "");

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

	private TestDatabase() {
	}

	/** Whether the tests are to run on PostgreSQL. */
	public static boolean enabled() {
		return !ADMIN_URL.isEmpty();
	}

	public static String user() {
		return USER;
	}

	public static String password() {
		return PASSWORD;
	}

	/** Creates an empty database and returns its JDBC URL. */
	public static String create() {
		String name = "login_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		execute("CREATE DATABASE " + name);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
		Matcher url = URL.matcher(ADMIN_URL);
		if (!url.matches()) {
			throw new IllegalArgumentException("test.postgres.url must look like jdbc:postgresql://HOST:PORT/DATABASE");
		}
		return url.group(1) + name + url.group(3);
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + sql + " on " + ADMIN_URL, ex);
		}
	}

}
