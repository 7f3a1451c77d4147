package org.loginservice.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP (RFC 6238) as every authenticator app computes it by default: HMAC-SHA-1 of the
 * 30-second time step, RFC 4226's dynamic truncation, 6 digits. Only the JDK's
 * {@link Mac} does cryptography; the rest is the RFCs' arithmetic, held to RFC 6238's
 * Appendix B.
 */
final class Totp {

	static final long STEP_SECONDS = 30;

	private static final int DIGITS = 6;

	private static final Pattern CODE = Pattern.compile("[0-9]{6}");

	private static final int MAX_INPUT = 64;

	private Totp() {
	}

	/** The time step of an instant: whole 30 seconds since the epoch. */
	static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
	}

	/** The 6-digit code of a step. */
	static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS, "HmacSHA1");
	}

	/** The code of a step, with any length and HMAC: RFC 6238's test vectors use 8. */
	static String code(byte[] secret, long step, int digits, String macAlgorithm) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance(macAlgorithm);
			mac.init(new SecretKeySpec(secret, macAlgorithm));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has " + macAlgorithm, ex);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		long modulus = (long) Math.pow(10, digits);
		return String.format("%0" + digits + "d", binary % modulus);
	}

	/**
	 * A code as typed: six digits, with any spaces an app shows between them (as in
	 * {@code 123 456}); anything else is no code.
	 */
	static Optional<String> normalise(String typed) {
		if (typed == null || typed.length() > MAX_INPUT) {
			return Optional.empty();
		}
		String digits = typed.replace(" ", "");
		return CODE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
	}

	/** Compared in constant time, so that timing tells nothing of the expected code. */
	static boolean matches(String candidate, String expected) {
		return MessageDigest.isEqual(candidate.getBytes(StandardCharsets.US_ASCII),
				expected.getBytes(StandardCharsets.US_ASCII));
	}

}
