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

class PasswordHasherTests {

	private final PasswordHasher hasher = new PasswordHasher(new PasswordSettings(15, 3, 4));

	@Test
	void shortPasswordIsPlainBcryptThatAnyBcryptLibraryVerifies() {
		String hash = this.hasher.encode("correct horse");

		assertThat(hash).startsWith("$2b$04$");
		assertThat(BCrypt.checkpw("correct horse", hash)).isTrue();
		assertThat(this.hasher.matches("correct horse", hash)).isTrue();
		assertThat(this.hasher.matches("correct horsE", hash)).isFalse();
	}

	@Test
	void passwordsDifferingOnlyAfterByte72AreDifferent() {
		String common = "x".repeat(72);
		String hash = this.hasher.encode(common + "one");

		assertThat(hash).startsWith(PasswordHasher.PREHASHED);
		assertThat(this.hasher.matches(common + "one", hash)).isTrue();
		assertThat(this.hasher.matches(common + "two", hash)).isFalse();
		assertThat(this.hasher.matches(common, hash)).isFalse();
	}

	@Test
	void longCandidateNeverMatchesAShortPasswordsHashByItsFirst72Bytes() {
		String exactly72 = "y".repeat(72);
		String hash = this.hasher.encode(exactly72);

		assertThat(hash).doesNotStartWith(PasswordHasher.PREHASHED);
		assertThat(this.hasher.matches(exactly72, hash)).isTrue();
		assertThat(this.hasher.matches(exactly72 + "z", hash)).isFalse();
	}

	@Test
	void sixtyFourCjkCharactersHashAndVerify() {
		String cjk = "漢字".repeat(32);
		assertThat(cjk.getBytes(StandardCharsets.UTF_8)).hasSize(192);

		String hash = this.hasher.encode(cjk);

		assertThat(this.hasher.matches(cjk, hash)).isTrue();
		assertThat(this.hasher.matches(cjk.substring(0, 63) + "x", hash)).isFalse();
	}

	@Test
	void equivalentUnicodeFormsAreOnePassword() {
		String hash = this.hasher.encode("ﬁnal café");

		assertThat(this.hasher.matches("final cafe\u0301", hash)).isTrue();
	}

	@Test
	void hashAtAnotherCostNeedsUpgrade() {
		PasswordHasher stronger = new PasswordHasher(new PasswordSettings(15, 3, 5));
		String shortHash = this.hasher.encode("short password");
		String longHash = this.hasher.encode("l".repeat(100));

		assertThat(stronger.upgradeEncoding(shortHash)).isTrue();
		assertThat(stronger.upgradeEncoding(longHash)).isTrue();
		assertThat(this.hasher.upgradeEncoding(shortHash)).isFalse();
		assertThat(this.hasher.upgradeEncoding(longHash)).isFalse();
	}

	@Test
	void tutorialMd5HashesAreVerifiedAsTypedAndAlwaysNeedAnUpgrade() {
		String md5OfHunter2 = "{md5}2ab96390c7dbe3439de74d0c9b0b1767";

		assertThat(this.hasher.matches("hunter2", md5OfHunter2)).isTrue();
		assertThat(this.hasher.matches("hunter3", md5OfHunter2)).isFalse();
		assertThat(this.hasher.matches("hunter2", md5OfHunter2.toUpperCase().replace("{MD5}", "{md5}"))).isTrue();
		assertThat(this.hasher.upgradeEncoding(md5OfHunter2)).isTrue();
		assertThat(this.hasher.encode("hunter2")).doesNotStartWith(PasswordHasher.TUTORIAL_MD5);
	}

	@Test
	void checkingNothingWhenAnyPasswordThenFalse() {
		assertThat(this.hasher.checkingNothing("anything at all").runHere()).isFalse();
		assertThat(this.hasher.checkingNothing("").runHere()).isFalse();
		assertThat(this.hasher.checkingNothing("anything").salt()).as("a full check at the configured cost")
			.startsWith("$2b$04$");
	}

	@Test
	void matchesWhenStoredHashIsNotComputableBcryptThenFalse() {
		assertThat(this.hasher.matches("", "")).isFalse();
		assertThat(this.hasher.matches("secret", "secret")).isFalse();
		assertThat(this.hasher.matches("secret", "$2b$04$tooshort")).isFalse();
		String valid = this.hasher.encode("secret");
		assertThat(this.hasher.matches("secret", valid.replace("$2b$04$", "$2b$00$"))).isFalse();
		assertThat(this.hasher.matches("secret", valid.replace("$2b$04$", "$2b$32$"))).isFalse();
		assertThat(this.hasher.upgradeEncoding("secret")).isFalse();
	}

	/**
	 * Pins the stored format of long passwords by an independent computation, so that a
	 * change to the reduction cannot pass unnoticed and strand every stored hash: the
	 * mark, then Spring's BCrypt of Base64(HMAC-SHA-256(key = the 22 salt characters as
	 * ASCII, message = the UTF-8 password)) with the hash's own salt.
	 */
	@Test
	void longPasswordHashIsBcryptOfSaltKeyedHmacUnderItsMark() throws Exception {
		String password = "long passphrase, ".repeat(6);

		String stored = this.hasher.encode(password);

		assertThat(stored).startsWith("{bcrypt-hmac-sha256}$2b$04$");
		String bcrypt = stored.substring("{bcrypt-hmac-sha256}".length());
		Mac hmac = Mac.getInstance("HmacSHA256");
		hmac.init(new SecretKeySpec(bcrypt.substring(7, 29).getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
		String key = Base64.getEncoder().encodeToString(hmac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		assertThat(BCrypt.hashpw(key, bcrypt.substring(0, 29))).isEqualTo(bcrypt);
	}

	/**
	 * The first version's hashes, {@code {bcrypt-sha256}} and BCrypt of Base64(SHA-256 of
	 * the password), made here without the hasher, keep working and are replaced.
	 */
	@Test
	void firstVersionLongPasswordHashStillMatchesAndNeedsAnUpgrade() throws Exception {
		String password = "older long passphrase ".repeat(5);
		String key = Base64.getEncoder()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
		String stored = "{bcrypt-sha256}" + BCrypt.hashpw(key, BCrypt.gensalt(4));

		assertThat(this.hasher.matches(password, stored)).isTrue();
		assertThat(this.hasher.matches(password + "x", stored)).isFalse();
		assertThat(this.hasher.matches(key, stored)).as("the digest itself is not the password").isFalse();
		assertThat(this.hasher.upgradeEncoding(stored)).isTrue();
		assertThat(this.hasher.upgradeEncoding(this.hasher.encode(password))).isFalse();
	}

	@Test
	void sameLongPasswordReducesDifferentlyUnderEachSalt() {
		String password = "p".repeat(100);

		String first = this.hasher.encode(password);
		String second = this.hasher.encode(password);

		assertThat(this.hasher.checking(password, first).key())
			.isNotEqualTo(this.hasher.checking(password, second).key());
	}

}
