package org.loginservice.password.bcrypt;

import java.util.Arrays;

/**
 * bcrypt's own base64 alphabet ({@code ./A-Za-z0-9}, no padding), which is not MIME
 * base64. Decoding is exactly as lenient as Spring Security's {@code BCrypt} so that odd
 * salts are read the same way by both.
 */
final class BcryptBase64 {

	private static final char[] ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final byte[] VALUES = new byte[128];

	static {
		Arrays.fill(VALUES, (byte) -1);
		for (int i = 0; i < ALPHABET.length; i++) {
			VALUES[ALPHABET[i]] = (byte) i;
		}
	}

	private BcryptBase64() {
	}

	/** Appends the first {@code len} bytes of {@code d}, 4 characters per 3 bytes. */
	static void encode(byte[] d, int len, StringBuilder out) {
		int off = 0;
		while (off < len) {
			int c1 = d[off++] & 0xff;
			out.append(ALPHABET[c1 >>> 2]);
			c1 = (c1 & 0x03) << 4;
			if (off >= len) {
				out.append(ALPHABET[c1]);
				return;
			}
			int c2 = d[off++] & 0xff;
			out.append(ALPHABET[c1 | (c2 >>> 4)]);
			c1 = (c2 & 0x0f) << 2;
			if (off >= len) {
				out.append(ALPHABET[c1]);
				return;
			}
			c2 = d[off++] & 0xff;
			out.append(ALPHABET[c1 | (c2 >>> 6)]);
			out.append(ALPHABET[c2 & 0x3f]);
		}
	}

	/**
	 * Decodes at most {@code max} bytes. Stops early at an invalid first, second or third
	 * character of a group, so callers must check the length. An invalid fourth character
	 * is not detected and sets the low six bits: Spring does the same, and matching it
	 * keeps {@code check} identical for malformed stored hashes.
	 */
	static byte[] decode(String s, int max) {
		byte[] out = new byte[max];
		int off = 0;
		int len = 0;
		int slen = s.length();
		while (off < slen - 1 && len < max) {
			int c1 = value(s.charAt(off++));
			int c2 = value(s.charAt(off++));
			if (c1 == -1 || c2 == -1) {
				break;
			}
			out[len] = (byte) ((c1 << 2) | ((c2 & 0x30) >> 4));
			if (++len >= max || off >= slen) {
				break;
			}
			int c3 = value(s.charAt(off++));
			if (c3 == -1) {
				break;
			}
			out[len] = (byte) (((c2 & 0x0f) << 4) | ((c3 & 0x3c) >> 2));
			if (++len >= max || off >= slen) {
				break;
			}
			int c4 = value(s.charAt(off++));
			out[len++] = (byte) (((c3 & 0x03) << 6) | c4);
		}
		return (len == max) ? out : Arrays.copyOf(out, len);
	}

	private static int value(char c) {
		return (c < VALUES.length) ? VALUES[c] : -1;
	}

}
