package org.loginservice.challenge;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 with HMAC-SHA-256 (RFC 8018, section 5.2) over the JDK's {@link Mac}, for a
 * password of any bytes.
 * <p>
 * The JDK's own {@code PBKDF2WithHmacSHA256} takes the password as characters and encodes
 * them as UTF-8, and an ALTCHA password is binary (a random nonce and a big-endian
 * counter), which no string encodes. So the iteration is done here, on the JDK's HMAC;
 * the tests hold it to RFC 7914's vectors and to the JDK's key factory.
 */
final class Pbkdf2 {

	private static final String HMAC = "HmacSHA256";

	private static final int BLOCK = 32;

	private Pbkdf2() {
	}

	static byte[] deriveKey(byte[] password, byte[] salt, int iterations, int length) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(password, HMAC));
			byte[] key = new byte[length];
			byte[] u = new byte[BLOCK];
			byte[] t = new byte[BLOCK];
			for (int block = 1, offset = 0; offset < length; block++, offset += BLOCK) {
				mac.update(salt);
				mac.update(new byte[] { (byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8),
						(byte) block });
				mac.doFinal(u, 0);
				System.arraycopy(u, 0, t, 0, BLOCK);
				for (int i = 1; i < iterations; i++) {
					mac.update(u);
					mac.doFinal(u, 0);
					for (int j = 0; j < BLOCK; j++) {
						t[j] ^= u[j];
					}
				}
				System.arraycopy(t, 0, key, offset, Math.min(BLOCK, length - offset));
			}
			return key;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", ex);
		}
	}

}
