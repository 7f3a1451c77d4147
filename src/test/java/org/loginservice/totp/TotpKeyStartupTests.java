package org.loginservice.totp;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loginservice.LoginServiceApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The key is checked when the service starts, not on the first login that needs it: the
 * application is lazy, and an instance that started with a wrong key would look healthy
 * and answer every login with a 500.
 */
class TotpKeyStartupTests {

	private static final String KEY = "dG90cC1rZXktc3RhcnR1cC10ZXN0cy1rZXktMzItYnk=";

	private static final String OTHER_KEY = "b3RoZXIta2V5LXN0YXJ0dXAtdGVzdHMta2V5LTMyLWI=";

	@TempDir
	private Path directory;

	@Test
	void startWithoutAKeyMakesTheKeyFileBesideTheDatabase() {
		try (ConfigurableApplicationContext service = start(null)) {
			assertThat(this.directory.resolve("login-service.totp-key")).isRegularFile();
		}
	}

	@Test
	void startWithAnotherKeyThanTheDatabasesIsRefused() {
		start(KEY).close();

		assertThatException().isThrownBy(() -> start(OTHER_KEY))
			.havingRootCause()
			.withMessageContaining("every instance on one database needs the same key");
		start(KEY).close();
	}

	@Test
	void startWithAMalformedKeyIsRefused() {
		assertThatException().isThrownBy(() -> start("c2hvcnQ="))
			.havingRootCause()
			.withMessageContaining("openssl rand -base64 32");
	}

	private ConfigurableApplicationContext start(String key) {
		String url = "jdbc:h2:file:" + this.directory.resolve("login-service") + ";WRITE_DELAY=0";
		return new SpringApplicationBuilder(LoginServiceApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.datasource.url=" + url, "--auth.password.bcrypt-cost=4",
				(key != null) ? "--auth.totp.encryption-key=" + key : "--auth.totp.issuer=login-service");
	}

}
