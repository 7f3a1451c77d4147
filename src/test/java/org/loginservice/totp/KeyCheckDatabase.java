package org.loginservice.totp;

import java.time.Clock;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.loginservice.MutableClock;
import org.loginservice.TestDatabase;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of the tests' own with the service's migrations (in memory, or on PostgreSQL
 * when the tests run there), and the key settings: enough for {@link TotpSecrets} with no
 * application around it.
 */
final class KeyCheckDatabase {

	static final Clock CLOCK = new MutableClock();

	private KeyCheckDatabase() {
	}

	static JdbcTemplate create() {
		String url = TestDatabase.enabled() ? TestDatabase.create()
				: "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		String user = TestDatabase.enabled() ? TestDatabase.user() : "sa";
		String password = TestDatabase.enabled() ? TestDatabase.password() : "";
		Flyway.configure().dataSource(url, user, password).load().migrate();
		return new JdbcTemplate(new DriverManagerDataSource(url, user, password));
	}

	/** Sealing with the key of the setting. */
	static TotpSecrets withKey(JdbcTemplate jdbc, String base64Key) {
		TotpSettings settings = new TotpSettings("login-service", base64Key, null);
		return new TotpSecrets(settings, new TotpKeyFile(settings, new DataSourceProperties()), jdbc, CLOCK);
	}

	/** Sealing with the key of a file, made if there is none. */
	static TotpSecrets withKeyFile(JdbcTemplate jdbc, java.nio.file.Path keyFile) {
		TotpSettings settings = new TotpSettings("login-service", null, keyFile);
		return new TotpSecrets(settings, new TotpKeyFile(settings, new DataSourceProperties()), jdbc, CLOCK);
	}

}
