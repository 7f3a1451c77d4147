package org.loginservice.totp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP held to RFC 6238's Appendix B, every vector, and to an authenticator written by
 * others ({@code dev.samstevens.totp}) on secrets and steps it has never seen.
 */
class TotpTests {

	/** The seeds of Appendix B: the ASCII digits repeated to the HMAC's length. */
	private static final String SEED = "1234567890";

	@ParameterizedTest(name = "{1} at {0}: {2}")
	@CsvSource({ "59, HmacSHA1, 94287082", "59, HmacSHA256, 46119246", "59, HmacSHA512, 90693936",
			"1111111109, HmacSHA1, 07081804", "1111111109, HmacSHA256, 68084774", "1111111109, HmacSHA512, 25091201",
			"1111111111, HmacSHA1, 14050471", "1111111111, HmacSHA256, 67062674", "1111111111, HmacSHA512, 99943326",
			"1234567890, HmacSHA1, 89005924", "1234567890, HmacSHA256, 91819424", "1234567890, HmacSHA512, 93441116",
			"2000000000, HmacSHA1, 69279037", "2000000000, HmacSHA256, 90698825", "2000000000, HmacSHA512, 38618901",
			"20000000000, HmacSHA1, 65353130", "20000000000, HmacSHA256, 77737706",
			"20000000000, HmacSHA512, 47863826" })
	void codeWhenRfc6238VectorThenItsCode(long seconds, String algorithm, String expected) {
		long step = Totp.step(Instant.ofEpochSecond(seconds));
		assertThat(Totp.code(seed(algorithm), step, 8, algorithm)).isEqualTo(expected);
	}

	@Test
	void codeWhenDefaultsThenSixDigitsOfSha1() {
		byte[] seed = seed("HmacSHA1");
		// RFC 6238's 94287082, cut to the 6 digits that apps show.
		assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
	}

	@Test
	void stepWhenWithinThirtySecondsThenSameStep() {
		assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
		assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
		assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
		assertThat(Totp.step(Instant.ofEpochSecond(59, 999_999_999))).isEqualTo(1);
		assertThat(Totp.step(Instant.ofEpochSecond(-1))).isEqualTo(-1);
	}

	@Test
	void codeWhenRandomSecretAndStepThenSameAsAnotherAuthenticator() throws Exception {
		DefaultCodeGenerator other = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
		// Commons Codec's Base32, as the secret reaches an app: not ours.
		var base32 = new org.apache.commons.codec.binary.Base32();
		Random random = new Random(6238);
		int padded = 0;
		for (int i = 0; i < 2000; i++) {
			byte[] secret = new byte[20];
			random.nextBytes(secret);
			long step = random.nextLong(Totp.step(Instant.parse("2100-01-01T00:00:00Z")));
			String ours = Totp.code(secret, step);
			assertThat(ours).isEqualTo(other.generate(base32.encodeAsString(secret), step)).hasSize(6);
			padded += ours.startsWith("0") ? 1 : 0;
		}
		// About one code in ten starts with 0: the padding was exercised.
		assertThat(padded).isGreaterThan(100);
	}

	@Test
	void matchesWhenSameCodeThenTrueOtherwiseFalse() {
		assertThat(Totp.matches("287082", "287082")).isTrue();
		assertThat(Totp.matches("287083", "287082")).isFalse();
		assertThat(Totp.matches("28708", "287082")).isFalse();
		assertThat(Totp.matches("", "287082")).isFalse();
	}

	@Test
	void normaliseWhenSixDigitsWithSpacesThenDigits() {
		assertThat(Totp.normalise("287082")).contains("287082");
		assertThat(Totp.normalise("287 082")).contains("287082");
		assertThat(Totp.normalise(" 287082 ")).contains("287082");
	}

	@Test
	void normaliseWhenNotSixAsciiDigitsThenEmpty() {
		assertThat(Totp.normalise(null)).isEmpty();
		assertThat(Totp.normalise("")).isEmpty();
		assertThat(Totp.normalise("28708")).isEmpty();
		assertThat(Totp.normalise("2870822")).isEmpty();
		assertThat(Totp.normalise("28708a")).isEmpty();
		assertThat(Totp.normalise("-28708")).isEmpty();
		// Arabic-Indic digits are digits to Character.isDigit, not to an authenticator.
		assertThat(Totp.normalise("\u0662\u0668\u0667\u0660\u0668\u0662")).isEmpty();
		assertThat(Totp.normalise(" ".repeat(100) + "287082")).isEmpty();
	}

	private static byte[] seed(String algorithm) {
		int length = switch (algorithm) {
			case "HmacSHA1" -> 20;
			case "HmacSHA256" -> 32;
			default -> 64;
		};
		return SEED.repeat(7).substring(0, length).getBytes(StandardCharsets.US_ASCII);
	}

}
