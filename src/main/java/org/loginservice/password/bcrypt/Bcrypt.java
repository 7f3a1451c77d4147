package org.loginservice.password.bcrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * bcrypt password hashing, producing exactly the strings that Spring Security's
 * {@code BCrypt} produces (checked against it by {@code BcryptSpringEquivalenceTests} and
 * the published vectors in {@code BcryptVectorTests}), but faster: see
 * {@link EksBlowfish} for why.
 *
 * <p>
 * Semantics copied from Spring on purpose, so that hashes move freely between the two:
 * <ul>
 * <li>{@code $2a$}, {@code $2b$}, {@code $2x$}, {@code $2y$} and the original {@code $2$}
 * are read. For all but {@code $2$} a NUL byte is appended to the password, and the key
 * is the first 72 bytes of that sequence repeated. {@code $2x$} reproduces the old
 * sign-extension bug and {@code $2a$} applies crypt_blowfish's countermeasure for it, as
 * Spring does.</li>
 * <li>{@link #hash(byte[], String)} rejects passwords longer than 72 bytes;
 * {@link #check(byte[], String)} accepts them and uses the first 72 bytes.</li>
 * <li>Malformed salts and hashes throw {@link IllegalArgumentException} (never return
 * false) and cost 0 is accepted by {@code check} only, like Spring. One difference: an
 * empty password with a {@code $2$} hash throws {@link IllegalArgumentException} where
 * Spring throws {@link ArithmeticException}.</li>
 * </ul>
 */
public final class Bcrypt {

	private static final int SALT_BYTES = 16;

	private static final int MAX_PASSWORD_BYTES = 72;

	private static final int HASH_BYTES = 23;

	private Bcrypt() {
	}

	/**
	 * A fresh random salt, as {@code $2b$}: {@code $2b$NN$} and 22 characters.
	 * @param cost the log2 of the number of rounds, 4 to 31
	 * @param random the source of the 16 salt bytes
	 * @return the 29-character salt, for {@link #hash(byte[], String)}
	 */
	public static String salt(int cost, SecureRandom random) {
		if (cost < 4 || cost > 31) {
			throw new IllegalArgumentException("Invalid cost: " + cost);
		}
		byte[] salt = new byte[SALT_BYTES];
		random.nextBytes(salt);
		StringBuilder prefix = new StringBuilder(29).append("$2b$");
		appendCost(prefix, cost);
		BcryptBase64.encode(salt, SALT_BYTES, prefix);
		return prefix.toString();
	}

	/**
	 * Hashes a password with a fresh random salt, as {@code $2b$}.
	 * @param password the password bytes, at most 72
	 * @param cost the log2 of the number of rounds, 4 to 31
	 * @param random the source of the 16 salt bytes
	 * @return the 60-character hash string
	 */
	public static String hash(byte[] password, int cost, SecureRandom random) {
		return hash(password, salt(cost, random), false);
	}

	/**
	 * Hashes a password with the given salt.
	 * @param password the password bytes, at most 72
	 * @param salt a salt such as {@code $2b$10$} plus 22 characters, or a whole hash
	 * @return the hash string
	 */
	public static String hash(byte[] password, String salt) {
		return hash(password, salt, false);
	}

	/**
	 * Tells whether a password matches a stored hash, comparing in constant time.
	 * @param password the password bytes
	 * @param hash the stored hash
	 * @return whether the password hashes to exactly {@code hash}
	 * @throws IllegalArgumentException if {@code hash} is not a bcrypt hash
	 */
	public static boolean check(byte[] password, String hash) {
		Prepared p = prepare(password, hash, true);
		return equal(hash, p.hash(EksBlowfish.crypt(p.setup())));
	}

	/**
	 * Hashes two passwords at once, each with its own salt, as two calls of
	 * {@link #hash(byte[], String)} would. Two hashes of the same cost are computed
	 * interleaved on the calling thread, which takes about as long as one and so nearly
	 * doubles the hashes per core: a caller with several waiting should pair them up.
	 * Hashes of different costs are computed one after the other.
	 * @param password1 the first password, at most 72 bytes
	 * @param salt1 the salt (or hash) for {@code password1}
	 * @param password2 the second password, at most 72 bytes
	 * @param salt2 the salt (or hash) for {@code password2}
	 * @return the two hash strings, in order
	 * @throws IllegalArgumentException if either salt is malformed
	 */
	public static String[] hashPair(byte[] password1, String salt1, byte[] password2, String salt2) {
		Prepared p1 = prepare(password1, salt1, false);
		Prepared p2 = prepare(password2, salt2, false);
		if (p1.setup().rounds() != p2.setup().rounds()) {
			return new String[] { p1.hash(EksBlowfish.crypt(p1.setup())), p2.hash(EksBlowfish.crypt(p2.setup())) };
		}
		byte[][] raw = EksBlowfishPair.crypt(p1.setup(), p2.setup());
		return new String[] { p1.hash(raw[0]), p2.hash(raw[1]) };
	}

	/**
	 * Compares a stored hash with one just computed in constant time.
	 * @param stored the stored hash
	 * @param computed the hash computed from the candidate password with the stored one
	 * as salt
	 * @return whether they are the same
	 */
	public static boolean equal(String stored, String computed) {
		return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
				computed.getBytes(StandardCharsets.UTF_8));
	}

	private static String hash(byte[] password, String salt, boolean forCheck) {
		Prepared p = prepare(password, salt, forCheck);
		return p.hash(EksBlowfish.crypt(p.setup()));
	}

	/** Parses the salt exactly as Spring does and derives the cipher's key material. */
	private static Prepared prepare(byte[] password, String salt, boolean forCheck) {
		if (!forCheck && password.length > MAX_PASSWORD_BYTES) {
			throw new IllegalArgumentException("password cannot be more than 72 bytes");
		}
		if (salt == null || salt.length() < 28) {
			throw new IllegalArgumentException("Invalid salt");
		}
		if (salt.charAt(0) != '$' || salt.charAt(1) != '2') {
			throw new IllegalArgumentException("Invalid salt version");
		}
		char minor = salt.charAt(2);
		int off = 3;
		if (minor != '$') {
			if ((minor != 'a' && minor != 'b' && minor != 'x' && minor != 'y') || salt.charAt(3) != '$') {
				throw new IllegalArgumentException("Invalid salt revision");
			}
			off = 4;
		}
		// Spring's checks, kept as they are so both accept the same strings.
		if (salt.charAt(off + 2) > '$') {
			throw new IllegalArgumentException("Missing salt rounds");
		}
		if (off == 4 && salt.length() < 29) {
			throw new IllegalArgumentException("Invalid salt");
		}
		int cost = Integer.parseInt(salt.substring(off, off + 2));
		long rounds = rounds(cost, forCheck);
		byte[] saltBytes = BcryptBase64.decode(salt.substring(off + 3, off + 25), SALT_BYTES);
		if (saltBytes.length != SALT_BYTES) {
			throw new IllegalArgumentException("Bad salt length");
		}
		byte[] key = (minor != '$') ? Arrays.copyOf(password, password.length + 1) : password;
		if (key.length == 0) {
			throw new IllegalArgumentException("Empty password cannot be used with $2$");
		}
		StringBuilder prefix = new StringBuilder(60).append("$2");
		if (minor != '$') {
			prefix.append(minor);
		}
		prefix.append('$');
		appendCost(prefix, cost);
		BcryptBase64.encode(saltBytes, SALT_BYTES, prefix);
		return new Prepared(prefix.toString(), setup(key, saltBytes, rounds, minor));
	}

	private static long rounds(int cost, boolean forCheck) {
		if (cost >= 4 && cost <= 31) {
			return 1L << cost;
		}
		if (forCheck && cost == 0) {
			return 0;
		}
		throw new IllegalArgumentException("Bad number of rounds");
	}

	private static void appendCost(StringBuilder out, int cost) {
		if (cost < 10) {
			out.append('0');
		}
		out.append(cost).append('$');
	}

	/**
	 * Turns the key bytes into Blowfish key words, once per hash. For {@code $2a$} the
	 * setup key differs from the loop key in bit 16 of word 0 when the password is one
	 * that the sign-extension bug of {@code $2x$} would collide with (crypt_blowfish's
	 * countermeasure, as Spring implements it).
	 */
	private static EksBlowfish.Setup setup(byte[] key, byte[] saltBytes, long rounds, char minor) {
		int[] correct = new int[BlowfishState.P_WORDS];
		int[] buggy = new int[BlowfishState.P_WORDS];
		int sign = 0;
		int diff = 0;
		int off = 0;
		for (int i = 0; i < BlowfishState.P_WORDS; i++) {
			int c = 0;
			int b = 0;
			for (int j = 0; j < 4; j++) {
				c = (c << 8) | (key[off] & 0xff);
				b = (b << 8) | key[off];
				if (j > 0) {
					sign |= b & 0x80;
				}
				off = (off + 1) % key.length;
			}
			correct[i] = c;
			buggy[i] = b;
			diff |= c ^ b;
		}
		diff |= diff >> 16;
		diff &= 0xffff;
		diff += 0xffff;
		sign <<= 9;
		sign &= ~diff & ((minor == 'a') ? 0x10000 : 0);
		int[] loopKey = (minor == 'x') ? buggy : correct;
		int[] setupKey = loopKey.clone();
		setupKey[0] ^= sign;
		int[] saltKey = new int[BlowfishState.P_WORDS];
		for (int i = 0; i < saltKey.length; i++) {
			saltKey[i] = EksBlowfish.word(saltBytes, 4 * (i & 3));
		}
		return new EksBlowfish.Setup(setupKey, loopKey, saltKey, rounds);
	}

	/**
	 * A parsed salt with the key material derived from it.
	 *
	 * @param prefix the hash up to and including the salt, as Spring re-encodes it
	 * @param setup the input for the cipher
	 */
	private record Prepared(String prefix, EksBlowfish.Setup setup) {

		String hash(byte[] raw) {
			StringBuilder out = new StringBuilder(60).append(this.prefix);
			BcryptBase64.encode(raw, HASH_BYTES, out);
			return out.toString();
		}

	}

}
