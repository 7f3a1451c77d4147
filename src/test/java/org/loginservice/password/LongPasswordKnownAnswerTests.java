package org.loginservice.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.loginservice.PasswordSettings;

import org.springframework.security.crypto.bcrypt.BCrypt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers for the stored formats of passwords longer than BCrypt's 72 bytes, with a
 * fixed salt. The hashes below were computed once, outside the service, with
 * {@code javax.crypto} and Spring Security's BCrypt; each test also recomputes them that
 * way, so the recipe is written down here and not borrowed from {@link PasswordHasher}. A
 * change to the reduction (hex instead of Base64, another key, another digest) would
 * strand every stored long-password hash, and fails these tests.
 */
class LongPasswordKnownAnswerTests {

	/** 74 bytes of UTF-8: just past what BCrypt reads. */
	private static final String PASSWORD = "Zwölf Boxkämpfer jagen Viktor quer über den großen Sylter Deich, 2026!";

	private static final String SALT = "$2b$04$abcdefghijklmnopqrstuu";

	/** Base64(HMAC-SHA-256(key = the 22 salt characters as ASCII, UTF-8 password)). */
	private static final String HMAC_KEY = "A7sc+4XGx29kgZiTYiuo4oNT58LjlhGoIMyKa+w405Q=";

	private static final String HMAC_HASH = "{bcrypt-hmac-sha256}$2b$04$abcdefghijklmnopqrstuu4wiMUWCzBxveEYXNGg6ReAXHgiRb.ju";

	/** Base64(SHA-256(UTF-8 password)), the first version's reduction. */
	private static final String SHA256_KEY = "g1WRMwzIaHKP52xPlaTqiMv3h+GHzBdH9keMaLOwQgM=";

	private static final String SHA256_HASH = "{bcrypt-sha256}$2b$04$abcdefghijklmnopqrstuuL.KKX0iN27uyKThfdjLLffLwAlRFgLm";

	private final PasswordHasher hasher = new PasswordHasher(new PasswordSettings(15, 3, 4));

	@Test
	void currentLongPasswordHashIsBcryptOfTheBase64OfTheSaltKeyedHmac() throws Exception {
		Mac hmac = Mac.getInstance("HmacSHA256");
		hmac.init(new SecretKeySpec(SALT.substring(7).getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
		String key = Base64.getEncoder().encodeToString(hmac.doFinal(PASSWORD.getBytes(StandardCharsets.UTF_8)));
		assertThat(PASSWORD.getBytes(StandardCharsets.UTF_8)).hasSize(74);
		assertThat(key).isEqualTo(HMAC_KEY);
		assertThat("{bcrypt-hmac-sha256}" + BCrypt.hashpw(key, SALT)).isEqualTo(HMAC_HASH);

		assertThat(this.hasher.checking(PASSWORD, HMAC_HASH).key()).asString(StandardCharsets.US_ASCII)
			.isEqualTo(HMAC_KEY);
		assertThat(this.hasher.matches(PASSWORD, HMAC_HASH)).isTrue();
		assertThat(this.hasher.matches(PASSWORD + "!", HMAC_HASH)).isFalse();
		assertThat(this.hasher.matches(HMAC_KEY, HMAC_HASH)).as("the reduction itself is not the password").isFalse();
		assertThat(this.hasher.upgradeEncoding(HMAC_HASH)).isFalse();
	}

	@Test
	void firstVersionLongPasswordHashIsBcryptOfTheBase64OfTheSha256() throws Exception {
		String key = Base64.getEncoder()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(PASSWORD.getBytes(StandardCharsets.UTF_8)));
		assertThat(key).isEqualTo(SHA256_KEY);
		assertThat("{bcrypt-sha256}" + BCrypt.hashpw(key, SALT)).isEqualTo(SHA256_HASH);

		assertThat(this.hasher.checking(PASSWORD, SHA256_HASH).key()).asString(StandardCharsets.US_ASCII)
			.isEqualTo(SHA256_KEY);
		assertThat(this.hasher.matches(PASSWORD, SHA256_HASH)).isTrue();
		assertThat(this.hasher.matches(PASSWORD + "!", SHA256_HASH)).isFalse();
		assertThat(this.hasher.upgradeEncoding(SHA256_HASH)).isTrue();
	}

}
