package org.loginservice.password.bcrypt;

import java.nio.charset.StandardCharsets;

/**
 * The Eksblowfish core of bcrypt (Provos and Mazieres, "A Future-Adaptable Password
 * Scheme", 1999), written for HotSpot C2 rather than for reading.
 *
 * <p>
 * Why it is shaped like this: a bcrypt check is one long chain of dependent S-box
 * lookups, so its speed is the latency of one Blowfish round times 2^cost x 2 x 521 x 16.
 * Everything here keeps extra work off that chain:
 * <ul>
 * <li>P-array and S-boxes live in one {@code int[1042]} allocated in the method that runs
 * the cost loop, so C2 knows its length and drops every range check (all indices are
 * constants or masked bytes plus a constant offset, which folds into the address);</li>
 * <li>the 16 rounds are unrolled with the halves in locals and written straight back into
 * the state, and the key-expansion loop treats P and S as one run of 521 blocks;</li>
 * <li>each round is written {@code r ^ P[i] ^ F(l)} so that only one XOR follows the last
 * lookup (the compound {@code r ^= P[i] ^ F(l)} measured 8% slower);</li>
 * <li>key and salt words are computed once per hash, not once per expansion.</li>
 * </ul>
 * The unrolled rounds are the same line sixteen times with the P index counting up and
 * {@code l} and {@code r} swapping; edit them as a block, then run the tests.
 */
final class EksBlowfish {

	static final int STATE = BlowfishState.STATE_WORDS;

	static final int P_WORDS = BlowfishState.P_WORDS;

	static final int S0 = P_WORDS;

	static final int S1 = S0 + 256;

	static final int S2 = S1 + 256;

	static final int S3 = S2 + 256;

	/** bcrypt encrypts this text 64 times with the expensive key. */
	private static final byte[] MAGIC = "OrpheanBeholderScryDoubt".getBytes(StandardCharsets.US_ASCII);

	private EksBlowfish() {
	}

	/**
	 * Runs bcrypt's expensive key setup and encrypts the magic text with the result.
	 * @param key the key and salt words and the number of rounds
	 * @return the 24 raw ciphertext bytes
	 */
	static byte[] crypt(Setup key) {
		// Allocated here, not passed in, so that C2 sees the constant length.
		int[] st = new int[STATE];
		System.arraycopy(BlowfishState.INITIAL, 0, st, 0, STATE);
		saltedSetup(st, key);
		// Even steps expand with the password, odd ones with the salt.
		for (long step = 2 * key.rounds(); step > 0; step--) {
			int[] k = ((step & 1) == 0) ? key.loopKey() : key.saltKey();
			for (int i = 0; i < P_WORDS; i++) {
				st[i] ^= k[i];
			}
			int l = 0;
			int r = 0;
			for (int j = 0; j < STATE; j += 2) {
				l ^= st[0];
				r = r ^ st[1] ^ (((st[S0 + (l >>> 24)] + st[S1 + ((l >>> 16) & 0xff)]) ^ st[S2 + ((l >>> 8) & 0xff)])
						+ st[S3 + (l & 0xff)]);
				l = l ^ st[2] ^ (((st[S0 + (r >>> 24)] + st[S1 + ((r >>> 16) & 0xff)]) ^ st[S2 + ((r >>> 8) & 0xff)])
						+ st[S3 + (r & 0xff)]);
				r = r ^ st[3] ^ (((st[S0 + (l >>> 24)] + st[S1 + ((l >>> 16) & 0xff)]) ^ st[S2 + ((l >>> 8) & 0xff)])
						+ st[S3 + (l & 0xff)]);
				l = l ^ st[4] ^ (((st[S0 + (r >>> 24)] + st[S1 + ((r >>> 16) & 0xff)]) ^ st[S2 + ((r >>> 8) & 0xff)])
						+ st[S3 + (r & 0xff)]);
				r = r ^ st[5] ^ (((st[S0 + (l >>> 24)] + st[S1 + ((l >>> 16) & 0xff)]) ^ st[S2 + ((l >>> 8) & 0xff)])
						+ st[S3 + (l & 0xff)]);
				l = l ^ st[6] ^ (((st[S0 + (r >>> 24)] + st[S1 + ((r >>> 16) & 0xff)]) ^ st[S2 + ((r >>> 8) & 0xff)])
						+ st[S3 + (r & 0xff)]);
				r = r ^ st[7] ^ (((st[S0 + (l >>> 24)] + st[S1 + ((l >>> 16) & 0xff)]) ^ st[S2 + ((l >>> 8) & 0xff)])
						+ st[S3 + (l & 0xff)]);
				l = l ^ st[8] ^ (((st[S0 + (r >>> 24)] + st[S1 + ((r >>> 16) & 0xff)]) ^ st[S2 + ((r >>> 8) & 0xff)])
						+ st[S3 + (r & 0xff)]);
				r = r ^ st[9] ^ (((st[S0 + (l >>> 24)] + st[S1 + ((l >>> 16) & 0xff)]) ^ st[S2 + ((l >>> 8) & 0xff)])
						+ st[S3 + (l & 0xff)]);
				l = l ^ st[10] ^ (((st[S0 + (r >>> 24)] + st[S1 + ((r >>> 16) & 0xff)]) ^ st[S2 + ((r >>> 8) & 0xff)])
						+ st[S3 + (r & 0xff)]);
				r = r ^ st[11] ^ (((st[S0 + (l >>> 24)] + st[S1 + ((l >>> 16) & 0xff)]) ^ st[S2 + ((l >>> 8) & 0xff)])
						+ st[S3 + (l & 0xff)]);
				l = l ^ st[12] ^ (((st[S0 + (r >>> 24)] + st[S1 + ((r >>> 16) & 0xff)]) ^ st[S2 + ((r >>> 8) & 0xff)])
						+ st[S3 + (r & 0xff)]);
				r = r ^ st[13] ^ (((st[S0 + (l >>> 24)] + st[S1 + ((l >>> 16) & 0xff)]) ^ st[S2 + ((l >>> 8) & 0xff)])
						+ st[S3 + (l & 0xff)]);
				l = l ^ st[14] ^ (((st[S0 + (r >>> 24)] + st[S1 + ((r >>> 16) & 0xff)]) ^ st[S2 + ((r >>> 8) & 0xff)])
						+ st[S3 + (r & 0xff)]);
				r = r ^ st[15] ^ (((st[S0 + (l >>> 24)] + st[S1 + ((l >>> 16) & 0xff)]) ^ st[S2 + ((l >>> 8) & 0xff)])
						+ st[S3 + (l & 0xff)]);
				l = l ^ st[16] ^ (((st[S0 + (r >>> 24)] + st[S1 + ((r >>> 16) & 0xff)]) ^ st[S2 + ((r >>> 8) & 0xff)])
						+ st[S3 + (r & 0xff)]);
				int out = r ^ st[17];
				r = l;
				l = out;
				st[j] = l;
				st[j + 1] = r;
			}
		}
		return encryptMagic(st);
	}

	/**
	 * The one-off key setup that also mixes in the salt (ExpandKey(state, salt, key)).
	 */
	static void saltedSetup(int[] st, Setup key) {
		int[] k = key.setupKey();
		int[] salt = key.saltKey();
		for (int i = 0; i < P_WORDS; i++) {
			st[i] ^= k[i];
		}
		int l = 0;
		int r = 0;
		for (int j = 0; j < STATE; j += 2) {
			long lr = encipher(st, l ^ salt[j & 3], r ^ salt[(j + 1) & 3]);
			l = (int) (lr >>> 32);
			r = (int) lr;
			st[j] = l;
			st[j + 1] = r;
		}
	}

	static byte[] encryptMagic(int[] st) {
		byte[] out = new byte[MAGIC.length];
		for (int b = 0; b < MAGIC.length; b += 8) {
			int l = word(MAGIC, b);
			int r = word(MAGIC, b + 4);
			for (int i = 0; i < 64; i++) {
				long lr = encipher(st, l, r);
				l = (int) (lr >>> 32);
				r = (int) lr;
			}
			putWord(out, b, l);
			putWord(out, b + 4, r);
		}
		return out;
	}

	/** Plain Blowfish encryption of one block, for the cold paths. */
	private static long encipher(int[] st, int l, int r) {
		l ^= st[0];
		for (int i = 1; i <= 16; i += 2) {
			r = r ^ st[i] ^ f(st, l);
			l = l ^ st[i + 1] ^ f(st, r);
		}
		return ((long) (r ^ st[17]) << 32) | (l & 0xffffffffL);
	}

	private static int f(int[] st, int x) {
		return ((st[S0 + (x >>> 24)] + st[S1 + ((x >>> 16) & 0xff)]) ^ st[S2 + ((x >>> 8) & 0xff)])
				+ st[S3 + (x & 0xff)];
	}

	/** Big-endian word at {@code off}. */
	static int word(byte[] b, int off) {
		return (b[off] << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
	}

	private static void putWord(byte[] b, int off, int w) {
		b[off] = (byte) (w >>> 24);
		b[off + 1] = (byte) (w >>> 16);
		b[off + 2] = (byte) (w >>> 8);
		b[off + 3] = (byte) w;
	}

	/**
	 * Everything the cipher needs from a password and salt, computed once per hash.
	 *
	 * @param setupKey the 18 key words for the salted setup (word 0 may carry the $2a$
	 * safety flip)
	 * @param loopKey the 18 key words for the cost loop
	 * @param saltKey the 4 salt words repeated to 18
	 * @param rounds iterations of the cost loop: 2^cost, or 0
	 */
	record Setup(int[] setupKey, int[] loopKey, int[] saltKey, long rounds) {
	}

}
