package org.loginservice.password.bcrypt;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odd and malformed salts and hashes: {@link Bcrypt} must give the same hash, the same
 * check result, or an exception of the same kind as Spring Security's {@link BCrypt}.
 */
class BcryptMalformedInputTests {

	private static final byte[] PASSWORD = "secret".getBytes(StandardCharsets.UTF_8);

	private static final String VALID = "$2b$04$CCCCCCCCCCCCCCCCCCCCC.YAZLwBhMm0vjpa/Gq5PnjmWwCrhYXGy";

	/** Characters that are outside, at the edge of, or tricky for bcrypt's base64. */
	private static final String ODD = "$./09AZaz!#+- \u00e9\u0663\u0000~";

	@Test
	void whenHandPickedSaltsThenSameOutcomeAsSpring() {
		String[] salts = { null, "", "$2b$04$", "$2b$04$CCCCCCCCCCCCCCCCCCCCC", "$2b$04$CCCCCCCCCCCCCCCCCCCCC.",
				"$2$04$CCCCCCCCCCCCCCCCCCCCC.", "$2c$04$CCCCCCCCCCCCCCCCCCCCC.", "$3b$04$CCCCCCCCCCCCCCCCCCCCC.",
				"$2b$4$CCCCCCCCCCCCCCCCCCCCC..", "$2b$+4$CCCCCCCCCCCCCCCCCCCCC.", "$2b$-4$CCCCCCCCCCCCCCCCCCCCC.",
				"$2b$03$CCCCCCCCCCCCCCCCCCCCC.", "$2b$32$CCCCCCCCCCCCCCCCCCCCC.", "$2b$00$CCCCCCCCCCCCCCCCCCCCC.",
				"$2b$0x$CCCCCCCCCCCCCCCCCCCCC.", "$2b$04#CCCCCCCCCCCCCCCCCCCCC.", "$2b$04%CCCCCCCCCCCCCCCCCCCCC.",
				"$2b$\u0660\u0664$CCCCCCCCCCCCCCCCCCCCC.", "$2b$04$CCCCCCCCCCCCCCCCCCCCC/",
				"$2b$04$CCC!CCCCCCCCCCCCCCCCC.", "$2b$04$CC!CCCCCCCCCCCCCCCCCC.", "$2b$04$CCCCCCCCCCCCCCCCCCCCC\u00e9",
				VALID, VALID + "x" };
		for (String salt : salts) {
			assertSameOutcome(salt);
		}
	}

	@Test
	void whenRandomlyMutatedHashesThenSameOutcomeAsSpring() {
		Random random = new Random(42);
		for (int i = 0; i < 3000; i++) {
			char[] s = VALID.toCharArray();
			for (int n = 1 + random.nextInt(2); n > 0; n--) {
				// the cost digits (4 and 5) stay, so no mutation asks for 2^31 rounds
				int pos = random.nextInt(s.length);
				if (pos != 4 && pos != 5) {
					s[pos] = ODD.charAt(random.nextInt(ODD.length()));
				}
			}
			String mutated = new String(s, 0, 20 + random.nextInt(s.length - 19));
			assertSameOutcome(mutated);
		}
	}

	private static void assertSameOutcome(String salt) {
		assertThat(outcome(() -> Bcrypt.hash(PASSWORD, salt))).as("hash %s", salt)
			.isEqualTo(outcome(() -> BCrypt.hashpw(PASSWORD, salt)));
		assertThat(outcome(() -> Bcrypt.check(PASSWORD, salt))).as("check %s", salt)
			.isEqualTo(outcome(() -> BCrypt.checkpw(PASSWORD, salt)));
	}

	/** The result, or "IllegalArgumentException" for any exception of that kind. */
	private static String outcome(Supplier<Object> call) {
		try {
			return String.valueOf(call.get());
		}
		catch (IllegalArgumentException ex) {
			return "IllegalArgumentException";
		}
		catch (RuntimeException ex) {
			return ex.getClass().getSimpleName();
		}
	}

}
