package org.loginservice.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.loginservice.PasswordSettings;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt for passwords of any length.
 * <p>
 * BCrypt reads only the first 72 bytes of its input: two passwords that differ after byte
 * 72 would be the same password, and 64 CJK characters (192 bytes) could not be hashed at
 * all. So a password whose UTF-8 form fits in 72 bytes is hashed with plain BCrypt, and a
 * longer one is first reduced to the Base64 of its SHA-256 digest (44 bytes, no NUL) and
 * its hash is marked with the {@value #PREHASHED} prefix. Verifying reduces the candidate
 * by its own length and requires the mark to agree, so a long candidate can never match a
 * short password's hash by its first 72 bytes.
 * <p>
 * Every password is NFKC-normalized first, so that the same characters typed on different
 * keyboards or platforms are the same password.
 */
@Component
public class PasswordHasher implements PasswordEncoder {

	/** Marks a hash of a pre-hashed (longer than 72 bytes) password; version 1. */
	static final String PREHASHED = "{bcrypt-sha256}";

	/** Marks an MD5 hash imported from the tutorial's app. */
	public static final String TUTORIAL_MD5 = "{md5}";

	private static final int BCRYPT_MAX_BYTES = 72;

	private final BCryptPasswordEncoder bcrypt;

	/**
	 * A real hash at the configured cost, checked when there is no account to check
	 * against, so that every check costs the same. (Checking against something that is
	 * not a hash returns at once.)
	 */
	private final String dummyHash;

	public PasswordHasher(PasswordSettings settings) {
		this.bcrypt = new BCryptPasswordEncoder(BCryptVersion.$2B, settings.bcryptCost());
		this.dummyHash = this.bcrypt.encode(UUID.randomUUID().toString());
	}

	/** The form in which a password is measured, hashed and compared. */
	public static String normalize(CharSequence password) {
		return Normalizer.normalize(password, Normalizer.Form.NFKC);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		String password = normalize(rawPassword);
		byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
		if (utf8.length <= BCRYPT_MAX_BYTES) {
			return this.bcrypt.encode(password);
		}
		return PREHASHED + this.bcrypt.encode(prehash(utf8));
	}

	/**
	 * Spends the work of one check and returns {@code false}: for an unknown account or a
	 * password that no account can have.
	 */
	public boolean matchesNothing(CharSequence rawPassword) {
		matches(rawPassword, this.dummyHash);
		return false;
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (encodedPassword.startsWith(TUTORIAL_MD5)) {
			return matchesTutorialMd5(rawPassword, encodedPassword.substring(TUTORIAL_MD5.length()));
		}
		String password = normalize(rawPassword);
		byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
		boolean longPassword = utf8.length > BCRYPT_MAX_BYTES;
		boolean prehashedHash = encodedPassword.startsWith(PREHASHED);
		String bcryptHash = prehashedHash ? encodedPassword.substring(PREHASHED.length()) : encodedPassword;
		boolean matches = this.bcrypt.matches(longPassword ? prehash(utf8) : password, bcryptHash);
		return matches && longPassword == prehashedHash;
	}

	/**
	 * Whether the hash is imported MD5, or BCrypt at a lower cost than the configured
	 * one.
	 */
	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		if (encodedPassword.startsWith(TUTORIAL_MD5)) {
			return true;
		}
		String bcryptHash = encodedPassword.startsWith(PREHASHED) ? encodedPassword.substring(PREHASHED.length())
				: encodedPassword;
		return this.bcrypt.upgradeEncoding(bcryptHash);
	}

	/**
	 * As the tutorial hashed: MD5 of the UTF-8 bytes as typed, compared in constant time.
	 */
	private boolean matchesTutorialMd5(CharSequence rawPassword, String md5Hex) {
		byte[] expected = HexFormat.of().parseHex(md5Hex);
		byte[] actual = digest("MD5", rawPassword.toString().getBytes(StandardCharsets.UTF_8));
		this.bcrypt.matches(rawPassword, this.dummyHash);
		return MessageDigest.isEqual(expected, actual);
	}

	private static String prehash(byte[] utf8) {
		return Base64.getEncoder().encodeToString(digest("SHA-256", utf8));
	}

	private static byte[] digest(String algorithm, byte[] input) {
		try {
			return MessageDigest.getInstance(algorithm).digest(input);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has " + algorithm, ex);
		}
	}

}
