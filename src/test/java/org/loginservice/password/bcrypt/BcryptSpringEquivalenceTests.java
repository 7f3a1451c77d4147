package org.loginservice.password.bcrypt;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random passwords and salts: {@link Bcrypt} must produce exactly the strings of Spring
 * Security's {@link BCrypt} and agree with it on every check. The seed is fixed so that a
 * failure reproduces; {@code -Dbcrypt.seed=N} tries other inputs.
 */
class BcryptSpringEquivalenceTests {

	private static final long SEED = Long.getLong("bcrypt.seed", 20261129L);

	private static final String[] PREFIXES = { "$2a", "$2b", "$2y" };

	@Test
	void hashWhenRandomPasswordsAtCost4ThenSameAsSpring() {
		Random random = new Random(SEED);
		for (int i = 0; i < 4000; i++) {
			String prefix = (i % 2 == 0) ? "$2b" : PREFIXES[random.nextInt(PREFIXES.length)];
			assertSameAsSpring(password(random, i), prefix, 4, random);
		}
	}

	@Test
	void hashWhenRandomPasswordsAtHigherCostsThenSameAsSpring() {
		Random random = new Random(SEED + 1);
		for (int i = 0; i < 200; i++) {
			assertSameAsSpring(password(random, i), "$2b", 5 + (i % 2), random);
		}
		for (int i = 0; i < 4; i++) {
			assertSameAsSpring(password(random, i), "$2b", 10, random);
		}
	}

	@Test
	void hashWithCostAndRandomThenSameAsSpringWithSameSaltBytes() {
		Random random = new Random(SEED + 2);
		for (int i = 0; i < 50; i++) {
			byte[] password = password(random, i);
			long seed = random.nextLong();
			String ours = Bcrypt.hash(password, 4 + (i % 3), new SeededRandom(seed));
			String spring = BCrypt.hashpw(password, BCrypt.gensalt("$2b", 4 + (i % 3), new SeededRandom(seed)));
			assertThat(ours).isEqualTo(spring).startsWith("$2b$0");
		}
	}

	@Test
	void hashPairThenSameAsTwoHashes() {
		Random random = new Random(SEED + 3);
		for (int i = 0; i < 200; i++) {
			byte[] p1 = password(random, i);
			byte[] p2 = password(random, i + 1);
			String h1 = BCrypt.hashpw(p1, salt(random, "$2b", 4));
			String h2 = BCrypt.hashpw(p2, salt(random, PREFIXES[i % 3], 4 + (i % 8 == 0 ? 1 : 0)));
			byte[] q1 = random.nextBoolean() ? p1 : flipOneBit(p1, random);
			byte[] q2 = random.nextBoolean() ? p2 : flipOneBit(p2, random);
			assertThat(Bcrypt.hashPair(q1, h1, q2, h2)).containsExactly(BCrypt.hashpw(q1, h1), BCrypt.hashpw(q2, h2));
			assertThat(Bcrypt.equal(h1, Bcrypt.hashPair(q1, h1, q2, h2)[0])).isEqualTo(BCrypt.checkpw(q1, h1));
		}
	}

	private static void assertSameAsSpring(byte[] password, String prefix, int cost, Random random) {
		String salt = salt(random, prefix, cost);
		String expected = BCrypt.hashpw(password, salt);
		String why = "password " + Arrays.toString(password) + ", salt " + salt + ", seed " + SEED;
		assertThat(Bcrypt.hash(password, salt)).as(why).isEqualTo(expected);
		assertThat(Bcrypt.check(password, expected)).as(why).isTrue();
		assertThat(Bcrypt.check(flipOneBit(password, random), expected)).as(why).isFalse();
	}

	private static String salt(Random random, String prefix, int cost) {
		return BCrypt.gensalt(prefix, cost, new SeededRandom(random.nextLong()));
	}

	/** Raw bytes (high bit set half the time), printable ASCII, or truncated UTF-8. */
	private static byte[] password(Random random, int i) {
		int length = random.nextInt(73);
		byte[] b = new byte[length];
		switch (i % 3) {
			case 0 -> random.nextBytes(b);
			case 1 -> {
				for (int j = 0; j < length; j++) {
					b[j] = (byte) (0x20 + random.nextInt(0x5f));
				}
			}
			default -> {
				StringBuilder s = new StringBuilder();
				while (s.length() < length) {
					int cp = random.nextInt(Character.MAX_CODE_POINT + 1);
					if (Character.isDefined(cp) && !Character.isSurrogate((char) cp)) {
						s.appendCodePoint(cp);
					}
				}
				byte[] utf8 = s.toString().getBytes(StandardCharsets.UTF_8);
				b = Arrays.copyOf(utf8, Math.min(utf8.length, length));
			}
		}
		return b;
	}

	/**
	 * A different password: one bit flipped, or byte 1 for an empty one ("" and "\0" are
	 * the same bcrypt key, because of the appended NUL).
	 */
	private static byte[] flipOneBit(byte[] password, Random random) {
		if (password.length == 0) {
			return new byte[] { 1 };
		}
		byte[] copy = password.clone();
		copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
		return copy;
	}

	/** Hands out the same salt bytes to both implementations. */
	private static final class SeededRandom extends SecureRandom {

		private final Random random;

		SeededRandom(long seed) {
			this.random = new Random(seed);
		}

		@Override
		public void nextBytes(byte[] bytes) {
			this.random.nextBytes(bytes);
		}

	}

}
