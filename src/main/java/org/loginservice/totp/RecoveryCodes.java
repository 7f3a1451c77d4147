package org.loginservice.totp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.loginservice.session.OpaqueTokens;

/**
 * Recovery codes: 10 per set, each 16 symbols from an alphabet without 0, 1, I and O (32
 * symbols, so 80 random bits), shown in groups of four ({@code 7KQ4-M2XH-...}) and read
 * back without regard to case, spaces or hyphens.
 * <p>
 * They are kept as a SHA-256 hash, as the bearer tokens are: 80 random bits cannot be
 * guessed from a fast hash, so a slow one would only cost every login that uses one.
 * Password reset codes have the same form.
 */
public final class RecoveryCodes {

	static final int COUNT = 10;

	private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final int LENGTH = 16;

	private static final int GROUP = 4;

	private static final int MAX_INPUT = 64;

	/** Any Unicode space (a no-break space pasted from a page too) and hyphens. */
	private static final Pattern SEPARATORS = Pattern.compile("[\\s-]", Pattern.UNICODE_CHARACTER_CLASS);

	private RecoveryCodes() {
	}

	/** A new set, grouped for showing. */
	static List<String> generate(SecureRandom random) {
		List<String> codes = new ArrayList<>(COUNT);
		while (codes.size() < COUNT) {
			String code = one(random);
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes;
	}

	/** One new code, grouped for showing. */
	public static String one(SecureRandom random) {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % GROUP == 0) {
				code.append('-');
			}
			// 32 symbols: each is exactly 5 random bits, with no modulo bias.
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * The code as typed, without case, spaces or hyphens; empty if it is none. Only ASCII
	 * letters are upper-cased into the alphabet, so that no other letter whose upper case
	 * is one of them (the long s is an S in {@link Locale#ROOT}) passes for it.
	 */
	public static Optional<String> normalise(String typed) {
		if (typed == null || typed.length() > MAX_INPUT) {
			return Optional.empty();
		}
		String code = SEPARATORS.matcher(typed).replaceAll("");
		if (code.length() != LENGTH || !code.chars().allMatch((c) -> c < 128)) {
			return Optional.empty();
		}
		code = code.toUpperCase(Locale.ROOT);
		return code.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0) ? Optional.of(code) : Optional.empty();
	}

	/** What is stored of a normalised code: its hex SHA-256, as of a bearer token. */
	public static String hash(String normalised) {
		return OpaqueTokens.hash(normalised);
	}

}
