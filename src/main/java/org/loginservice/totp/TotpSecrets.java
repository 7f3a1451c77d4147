package org.loginservice.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seals TOTP secrets for the database with AES-256-GCM, so that a copy of the database
 * without the key reveals none. Each is bound to its account (the user id is the
 * additional authenticated data): a sealed secret copied to another account's row does
 * not open.
 * <p>
 * The key is {@code auth.totp.encryption-key}, or else the one in {@link TotpKeyFile}.
 * The database keeps an HMAC that the key makes of a fixed text, checked at start-up: an
 * instance with another key than the one the secrets were sealed with refuses to start,
 * rather than fail every login. Made at start-up, not on first use (the application is
 * lazy), so that a wrong key never passes for a healthy instance.
 */
@Component
@Lazy(false)
class TotpSecrets {

	private static final String CHECK_NAME = "totp-key-check";

	private static final byte[] CHECK_TEXT = "login-service totp key check".getBytes(StandardCharsets.US_ASCII);

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String NOT_SEALED_HERE = "A TOTP secret that was not sealed for this account with this key";

	private final SecureRandom random = new SecureRandom();

	private final SecretKey key;

	TotpSecrets(TotpSettings settings, TotpKeyFile keyFile, JdbcTemplate jdbc, Clock clock) {
		byte[] key = (settings.encryptionKey() != null)
				? TotpKeyFile.decode(settings.encryptionKey(), "auth.totp.encryption-key") : keyFile.key();
		this.key = new SecretKeySpec(key, "AES");
		check(jdbc, clock, key);
	}

	/** Base64 of the IV, the ciphertext and the tag. */
	String seal(long userId, byte[] secret) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		byte[] sealed = crypt(Cipher.ENCRYPT_MODE, userId, iv, secret);
		return Base64.getEncoder()
			.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
	}

	/**
	 * @throws IllegalStateException if it was not sealed for this account with this key
	 */
	byte[] open(long userId, String sealed) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(sealed);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(NOT_SEALED_HERE, ex);
		}
		if (bytes.length < IV_BYTES + TAG_BITS / 8) {
			throw new IllegalStateException(NOT_SEALED_HERE);
		}
		byte[] iv = Arrays.copyOf(bytes, IV_BYTES);
		return crypt(Cipher.DECRYPT_MODE, userId, iv, Arrays.copyOfRange(bytes, IV_BYTES, bytes.length));
	}

	private byte[] crypt(int mode, long userId, byte[] iv, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(userId).array());
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(NOT_SEALED_HERE, ex);
		}
	}

	/** The first instance stores the check; every later start compares with it. */
	private static void check(JdbcTemplate jdbc, Clock clock, byte[] key) {
		String check = HexFormat.of().formatHex(hmac(key));
		List<String> stored = stored(jdbc);
		if (stored.isEmpty()) {
			try {
				jdbc.update("INSERT INTO service_secrets (name, secret, created_at) VALUES (?, ?, ?)", CHECK_NAME,
						check, clock.instant().atOffset(ZoneOffset.UTC));
			}
			catch (DuplicateKeyException ex) {
				// Another instance made it first: its key must be this one.
			}
			stored = stored(jdbc);
		}
		if (!stored.equals(List.of(check))) {
			throw new IllegalStateException("The TOTP key (auth.totp.encryption-key, or else the file of "
					+ "auth.totp.key-file) is not the one this database's TOTP secrets were sealed with: "
					+ "every instance on one database needs the same key");
		}
	}

	private static List<String> stored(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT secret FROM service_secrets WHERE name = ?", String.class, CHECK_NAME);
	}

	private static byte[] hmac(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(CHECK_TEXT);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has HmacSHA256", ex);
		}
	}

}
