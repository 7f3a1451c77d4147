package org.loginservice.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recovery codes: 10 per set, each 16 symbols from an alphabet without 0, 1, I and O (32
 * symbols, so 80 random bits), shown in groups of four ({@code 7KQ4-M2XH-...}) and read
 * back without regard to case, spaces or hyphens.
 * <p>
 * They are kept as a SHA-256 hash, as the bearer tokens are: 80 random bits cannot be
 * guessed from a fast hash, so a slow one would only cost every login that uses one.
 */
final class RecoveryCodes {

	static final int COUNT = 10;

	private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final int LENGTH = 16;

	private static final int GROUP = 4;

	private static final int MAX_INPUT = 64;

	private RecoveryCodes() {
	}

	/** A new set, grouped for showing. */
	static List<String> generate(SecureRandom random) {
		List<String> codes = new ArrayList<>(COUNT);
		while (codes.size() < COUNT) {
			StringBuilder code = new StringBuilder();
			for (int i = 0; i < LENGTH; i++) {
				if (i > 0 && i % GROUP == 0) {
					code.append('-');
				}
				// 32 symbols: each is exactly 5 random bits, with no modulo bias.
				code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			if (!codes.contains(code.toString())) {
				codes.add(code.toString());
			}
		}
		return codes;
	}

	/** The code as typed, without case, spaces or hyphens; empty if it is none. */
	static Optional<String> normalise(String typed) {
		if (typed == null || typed.length() > MAX_INPUT) {
			return Optional.empty();
		}
		String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		if (code.length() != LENGTH || !code.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(code);
	}

	/** What is stored of a normalised code. */
	static String hash(String normalised) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
