package org.loginservice.challenge;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PBKDF2-HMAC-SHA-256 as RFC 7914 publishes it, and as the JDK's key factory computes it
 * for the passwords the JDK can take (text).
 */
class Pbkdf2Tests {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void rfc7914VectorOfOneIteration() {
		assertThat(HEX.formatHex(Pbkdf2.deriveKey(bytes("passwd"), bytes("salt"), 1, 64)))
			.isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
					+ "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
	}

	@Test
	void rfc7914VectorOf80000Iterations() {
		assertThat(HEX.formatHex(Pbkdf2.deriveKey(bytes("Password"), bytes("NaCl"), 80000, 64)))
			.isEqualTo("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
					+ "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
	}

	@Test
	void theSameAsTheJdksKeyFactoryForTextPasswords() throws Exception {
		SecretKeyFactory jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
		Random random = new Random(13);
		for (int i = 0; i < 50; i++) {
			char[] password = new char[1 + random.nextInt(40)];
			for (int j = 0; j < password.length; j++) {
				password[j] = (char) (' ' + random.nextInt(95));
			}
			byte[] salt = new byte[1 + random.nextInt(32)];
			random.nextBytes(salt);
			int iterations = 1 + random.nextInt(3000);
			int length = 1 + random.nextInt(80);

			byte[] expected = jdk.generateSecret(new PBEKeySpec(password, salt, iterations, length * 8)).getEncoded();

			assertThat(Pbkdf2.deriveKey(bytes(new String(password)), salt, iterations, length)).isEqualTo(expected);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
