package org.loginservice.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Opaque tokens: 256 bits from a CSPRNG, URL-safe Base64, kept only as their SHA-256
 * hash. A copy of the database does not let anyone use them, and a fast hash is enough
 * because a token, unlike a password, cannot be guessed.
 */
public final class OpaqueTokens {

	private static final int TOKEN_BYTES = 32;

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom random = new SecureRandom();

	private OpaqueTokens() {
	}

	public static String generate() {
		byte[] bytes = new byte[TOKEN_BYTES];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Whether the secret given hashes to the kept hash, in a time that depends on
	 * neither: for secrets held in settings (the admin token, the resource servers'),
	 * compared on every request.
	 */
	public static boolean matchesHash(String keptHash, String given) {
		return MessageDigest.isEqual(keptHash.getBytes(StandardCharsets.US_ASCII),
				hash(given).getBytes(StandardCharsets.US_ASCII));
	}

	/** Whether the text could be a token at all, checked before any lookup. */
	public static boolean wellFormed(String token) {
		return token != null && TOKEN.matcher(token).matches();
	}

	/**
	 * The hex SHA-256 of the token (of its UTF-8, the same as its ASCII for a token),
	 * which is what is stored.
	 */
	public static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
