package org.loginservice.totp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loginservice.Simultaneous;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the key file is, and its making when several start at once. */
class TotpKeyFileTests {

	@TempDir
	Path directory;

	@Test
	void pathWhenH2FileDatabaseThenBesideIt() {
		assertThat(path(null, "jdbc:h2:file:./data/login-service;WRITE_DELAY=0"))
			.isEqualTo(Path.of("./data/login-service.totp-key"));
		assertThat(path(null, "jdbc:h2:file:/var/lib/login/db")).isEqualTo(Path.of("/var/lib/login/db.totp-key"));
	}

	@Test
	void pathWhenH2FileDatabaseWithoutTheFilePrefixThenBesideIt() {
		assertThat(path(null, "jdbc:h2:./data/x;WRITE_DELAY=0")).isEqualTo(Path.of("./data/x.totp-key"));
		assertThat(path(null, "jdbc:h2:/var/lib/login/db")).isEqualTo(Path.of("/var/lib/login/db.totp-key"));
	}

	/** Not in a directory named ~ under the working directory, one rm -rf ~ from harm. */
	@Test
	void pathWhenH2FileDatabaseInTheHomeDirectoryThenBesideIt() {
		Path home = Path.of(System.getProperty("user.home"));
		assertThat(path(null, "jdbc:h2:file:~/login;WRITE_DELAY=0")).isEqualTo(home.resolve("login.totp-key"));
		assertThat(path(null, "jdbc:h2:~/data/login")).isEqualTo(home.resolve("data/login.totp-key"));
	}

	@Test
	void pathWhenOtherDatabaseThenInData() {
		assertThat(path(null, "jdbc:postgresql://db:5432/login")).isEqualTo(Path.of("data/totp-key"));
		assertThat(path(null, "jdbc:h2:mem:test")).isEqualTo(Path.of("data/totp-key"));
		assertThat(path(null, "jdbc:h2:tcp://db.example/~/login")).isEqualTo(Path.of("data/totp-key"));
		assertThat(path(null, null)).isEqualTo(Path.of("data/totp-key"));
	}

	@Test
	void pathWhenSetThenThatOneWhateverTheDatabase() {
		assertThat(path(Path.of("/run/secrets/totp-key"), "jdbc:h2:file:./data/login-service"))
			.isEqualTo(Path.of("/run/secrets/totp-key"));
	}

	/**
	 * Instances started together on one file and one database: each ends with the key the
	 * file holds, none with a key of its own that it alone would seal with.
	 */
	@Test
	void keyWhenFirstStartsAtOnceThenAllTheFilesKey() throws Exception {
		for (int round = 0; round < 20; round++) {
			Path file = this.directory.resolve(round + "/login-service.totp-key");
			TotpSettings settings = new TotpSettings("login-service", null, file);
			List<String> keys = Simultaneous.requests(4, (client) -> Base64.getEncoder()
				.encodeToString(new TotpKeyFile(settings, new DataSourceProperties()).key()));
			assertThat(Set.copyOf(keys)).containsExactly(Files.readString(file).strip());
			assertThat(Files.list(file.getParent())).containsExactly(file);
		}
	}

	@Test
	void checkWhenFirstStartsAtOnceWithOneKeyThenAllStart() throws Exception {
		JdbcTemplate jdbc = KeyCheckDatabase.create();
		Path file = this.directory.resolve("login-service.totp-key");
		List<TotpSecrets> started = Simultaneous.requests(4, (client) -> KeyCheckDatabase.withKeyFile(jdbc, file));
		byte[] secret = new byte[20];
		for (TotpSecrets one : started) {
			for (TotpSecrets other : started) {
				assertThat(other.open(1, one.seal(1, secret))).isEqualTo(secret);
			}
		}
	}

	private static Path path(Path keyFile, String url) {
		DataSourceProperties dataSource = new DataSourceProperties();
		dataSource.setUrl(url);
		return new TotpKeyFile(new TotpSettings("login-service", null, keyFile), dataSource).path();
	}

}
