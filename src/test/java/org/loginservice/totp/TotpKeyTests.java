package org.loginservice.totp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Where the key comes from, and the check that keeps two instances with different keys
 * from sealing into one database.
 */
class TotpKeyTests {

	@TempDir
	Path directory;

	private final JdbcTemplate jdbc = KeyCheckDatabase.create();

	@Test
	void keyWhenSetThenUsedAndNoFileMade() throws Exception {
		byte[] key = random(32);
		String base64 = Base64.getEncoder().encodeToString(key);
		TotpSettings settings = new TotpSettings("login-service", base64 + "\n", this.directory.resolve("unused"));
		new TotpSecrets(settings, new TotpKeyFile(settings, new DataSourceProperties()), this.jdbc,
				KeyCheckDatabase.CLOCK);
		assertThat(this.directory.resolve("unused")).doesNotExist();
		assertThat(storedCheck()).isEqualTo(check(key));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 16, 31, 33, 64 })
	void keyWhenSetToAnotherLengthThenStartRefusedWithHowToMakeOne(int length) {
		String base64 = Base64.getEncoder().encodeToString(random(length));
		assertThatIllegalStateException().isThrownBy(() -> KeyCheckDatabase.withKey(this.jdbc, base64))
			.withMessageContaining("auth.totp.encryption-key")
			.withMessageContaining("must be Base64 of 32 random bytes")
			.withMessageContaining("openssl rand -base64 32");
	}

	@Test
	void keyWhenSetToNoBase64ThenStartRefusedWithoutShowingIt() {
		String notBase64 = "not-base64-but-a-key-all-the-same!!";
		assertThatIllegalStateException().isThrownBy(() -> KeyCheckDatabase.withKey(this.jdbc, notBase64))
			.withMessageContaining("openssl rand -base64 32")
			.withMessageNotContaining(notBase64);
	}

	@Test
	void keyFileWhenNoneThenMadeForTheOwnerAloneAndReadOnTheNextStart() throws Exception {
		Path file = this.directory.resolve("data/login-service.totp-key");
		String sealed = KeyCheckDatabase.withKeyFile(this.jdbc, file).seal(7, random(20));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
		assertThat(key).hasSize(32);
		assertThat(storedCheck()).isEqualTo(check(key));
		assertThat(Files.list(file.getParent())).containsExactly(file);
		TotpSecrets restarted = KeyCheckDatabase.withKeyFile(this.jdbc, file);
		assertThat(restarted.open(7, sealed)).hasSize(20);
		assertThat(Files.readString(file, StandardCharsets.US_ASCII).strip())
			.isEqualTo(Base64.getEncoder().encodeToString(key));
	}

	@Test
	void keyFileWhenNotAKeyThenStartRefusedNamingTheFile() throws Exception {
		Path file = this.directory.resolve("broken.totp-key");
		Files.writeString(file, "c2hvcnQ=\n");
		assertThatIllegalStateException().isThrownBy(() -> KeyCheckDatabase.withKeyFile(this.jdbc, file))
			.withMessageContaining(file.toString())
			.withMessageContaining("openssl rand -base64 32");
	}

	@Test
	void keyWhenNotTheOneOfTheStoredCheckThenStartRefusedNamingBothSettings() throws Exception {
		String first = Base64.getEncoder().encodeToString(random(32));
		String second = Base64.getEncoder().encodeToString(random(32));
		KeyCheckDatabase.withKey(this.jdbc, first);
		assertThatIllegalStateException().isThrownBy(() -> KeyCheckDatabase.withKey(this.jdbc, second))
			.withMessageContaining("not the one this database's TOTP secrets were sealed with")
			.withMessageContaining("every instance on one database needs the same key")
			.withMessageContaining("auth.totp.encryption-key")
			.withMessageContaining("auth.totp.key-file")
			.withMessageNotContaining(second)
			.withMessageNotContaining(first);
		assertThatIllegalStateException()
			.isThrownBy(() -> KeyCheckDatabase.withKeyFile(this.jdbc, this.directory.resolve("new.totp-key")));
		// The first key still starts, and the check is still its own.
		KeyCheckDatabase.withKey(this.jdbc, first);
		assertThat(storedCheck()).isEqualTo(check(Base64.getDecoder().decode(first)));
	}

	private String storedCheck() {
		List<String> checks = this.jdbc.queryForList("SELECT secret FROM service_secrets WHERE name = 'totp-key-check'",
				String.class);
		assertThat(checks).hasSize(1);
		return checks.get(0);
	}

	/** The check, computed here as the contract words it. */
	private static String check(byte[] key) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return HexFormat.of()
			.formatHex(mac.doFinal("login-service totp key check".getBytes(StandardCharsets.US_ASCII)));
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
