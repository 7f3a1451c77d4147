package org.loginservice.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.loginservice.PasswordSettings;
import org.loginservice.password.bcrypt.Bcrypt;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt for passwords of any length.
 * <p>
 * BCrypt reads only the first 72 bytes of its input: two passwords that differ after byte
 * 72 would be the same password, and 64 CJK characters (192 bytes) could not be hashed at
 * all. So a password whose UTF-8 form fits in 72 bytes is hashed with plain BCrypt, and a
 * longer one is first reduced to the Base64 of its HMAC-SHA-256 keyed by the hash's own
 * salt (44 bytes, no NUL; as passlib's {@code bcrypt_sha256} v2 does), and its hash is
 * marked with the {@value #PREHASHED} prefix. Keyed by the salt, the reduction is
 * different for every hash: a stolen database cannot be tested against lists of unsalted
 * SHA-256 digests from other breaches ("shucking"), as the first version's plain SHA-256
 * ({@value #PREHASHED_SHA256}, still checked, replaced at the next login) could be.
 * Verifying reduces the candidate by its own length and requires the mark to agree, so a
 * long candidate can never match a short password's hash by its first 72 bytes.
 * <p>
 * Every password is NFKC-normalized first, so that the same characters typed on different
 * keyboards or platforms are the same password.
 * <p>
 * Each operation comes as {@link Work}: the BCrypt computation it needs and what to make
 * of its result, so that the {@link HashingPool} can run two computations at once. The
 * {@link PasswordEncoder} methods run it on the calling thread.
 */
@Component
public class PasswordHasher implements PasswordEncoder {

	/**
	 * Marks a hash of a password longer than 72 bytes, reduced by HMAC-SHA-256 keyed by
	 * the salt.
	 */
	static final String PREHASHED = "{bcrypt-hmac-sha256}";

	/** Marks the first version's hashes of such passwords, reduced by plain SHA-256. */
	static final String PREHASHED_SHA256 = "{bcrypt-sha256}";

	/** Marks an MD5 hash imported from the tutorial's app. */
	public static final String TUTORIAL_MD5 = "{md5}";

	private static final int BCRYPT_MAX_BYTES = 72;

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$(\\d\\d)\\$[./0-9A-Za-z]{53}");

	private final int cost;

	private final SecureRandom random = new SecureRandom();

	/**
	 * A salt at the configured cost, hashed with when there is no account to check
	 * against, so that every check costs the same: BCrypt's work depends only on the cost
	 * that its salt names, and {@link Bcrypt} always does all of it.
	 */
	private final String dummySalt;

	public PasswordHasher(PasswordSettings settings) {
		this.cost = settings.bcryptCost();
		this.dummySalt = Bcrypt.salt(this.cost, this.random);
	}

	/** The form in which a password is measured, hashed and compared. */
	public static String normalize(CharSequence password) {
		return Normalizer.normalize(password, Normalizer.Form.NFKC);
	}

	/**
	 * Whether no account can have this password: over
	 * {@value PasswordSettings#MAX_LENGTH} characters as the policy counts them, after
	 * NFKC. (Normalizing only when the typed form is over the limit too keeps this off
	 * the common path.)
	 */
	public static boolean overLimit(String password) {
		return password.codePointCount(0, password.length()) > PasswordSettings.MAX_LENGTH
				&& normalize(password).codePoints().count() > PasswordSettings.MAX_LENGTH;
	}

	/** Hashing a new password, with a fresh salt at the configured cost. */
	public Work<String> hashing(CharSequence rawPassword) {
		byte[] utf8 = utf8(rawPassword);
		String salt = Bcrypt.salt(this.cost, this.random);
		if (utf8.length <= BCRYPT_MAX_BYTES) {
			return new Work<>(utf8, salt, Function.identity());
		}
		return new Work<>(prehash(utf8, salt), salt, (hash) -> PREHASHED + hash);
	}

	/** Checking a password against a stored hash. */
	public Work<Boolean> checking(CharSequence rawPassword, String encodedPassword) {
		if (encodedPassword.startsWith(TUTORIAL_MD5)) {
			boolean matches = matchesTutorialMd5(rawPassword, encodedPassword.substring(TUTORIAL_MD5.length()));
			Work<Boolean> dummy = checkingNothing(rawPassword);
			return new Work<>(dummy.key(), dummy.salt(), (computed) -> matches);
		}
		byte[] utf8 = utf8(rawPassword);
		boolean longPassword = utf8.length > BCRYPT_MAX_BYTES;
		boolean sha256 = encodedPassword.startsWith(PREHASHED_SHA256);
		boolean prehashedHash = sha256 || encodedPassword.startsWith(PREHASHED);
		String bcryptHash = withoutMark(encodedPassword);
		if (cost(bcryptHash) < 0) {
			return checkingNothing(rawPassword);
		}
		byte[] key = (!longPassword) ? utf8 : sha256 ? prehashSha256(utf8) : prehash(utf8, bcryptHash);
		return new Work<>(key, bcryptHash,
				(computed) -> Bcrypt.equal(bcryptHash, computed) && longPassword == prehashedHash);
	}

	/**
	 * The work of one check that never matches: for an unknown account or a password that
	 * no account can have, so that the answer takes as long as any other.
	 */
	public Work<Boolean> checkingNothing(CharSequence rawPassword) {
		byte[] utf8 = utf8(rawPassword);
		byte[] key = (utf8.length <= BCRYPT_MAX_BYTES) ? utf8 : prehash(utf8, this.dummySalt);
		return new Work<>(key, this.dummySalt, (computed) -> false);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return hashing(rawPassword).runHere();
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return checking(rawPassword, encodedPassword).runHere();
	}

	/**
	 * Whether the hash is imported MD5, of the first version's pre-hash, or BCrypt at a
	 * lower cost than the configured one.
	 */
	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		if (encodedPassword.startsWith(TUTORIAL_MD5) || encodedPassword.startsWith(PREHASHED_SHA256)) {
			return true;
		}
		int stored = cost(withoutMark(encodedPassword));
		return stored >= 0 && stored < this.cost;
	}

	/**
	 * The cost of a BCrypt hash, or -1 if it is not one that can be computed (4 to 31).
	 */
	private static int cost(String bcryptHash) {
		Matcher bcrypt = BCRYPT.matcher(bcryptHash);
		int cost = bcrypt.matches() ? Integer.parseInt(bcrypt.group(1)) : -1;
		return (cost >= 4 && cost <= 31) ? cost : -1;
	}

	private static String withoutMark(String encodedPassword) {
		for (String mark : new String[] { PREHASHED, PREHASHED_SHA256 }) {
			if (encodedPassword.startsWith(mark)) {
				return encodedPassword.substring(mark.length());
			}
		}
		return encodedPassword;
	}

	private static byte[] utf8(CharSequence rawPassword) {
		return normalize(rawPassword).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * As the tutorial hashed: MD5 of the UTF-8 bytes as typed, compared in constant time.
	 */
	private static boolean matchesTutorialMd5(CharSequence rawPassword, String md5Hex) {
		byte[] expected = HexFormat.of().parseHex(md5Hex);
		byte[] actual = digest("MD5", rawPassword.toString().getBytes(StandardCharsets.UTF_8));
		return MessageDigest.isEqual(expected, actual);
	}

	/**
	 * The Base64 of HMAC-SHA-256 of the password, keyed by the 22 characters of the salt
	 * that follow {@code $2b$NN$} in the salt or hash, as ASCII.
	 */
	private static byte[] prehash(byte[] utf8, String saltOrHash) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(saltOrHash.substring(7, 29).getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
			return Base64.getEncoder().encode(hmac.doFinal(utf8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has HmacSHA256", ex);
		}
	}

	private static byte[] prehashSha256(byte[] utf8) {
		return Base64.getEncoder().encode(digest("SHA-256", utf8));
	}

	private static byte[] digest(String algorithm, byte[] input) {
		try {
			return MessageDigest.getInstance(algorithm).digest(input);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has " + algorithm, ex);
		}
	}

	/**
	 * One BCrypt computation, {@code Bcrypt.hash(key, salt)}, and what its result means.
	 *
	 * @param <T> what the work gives
	 * @param key the password bytes BCrypt reads, at most 72
	 * @param salt the salt, or the stored hash being checked
	 * @param outcome turns the computed hash into the result
	 */
	public record Work<T>(byte[] key, String salt, Function<String, T> outcome) {

		/** Runs the computation on the calling thread. */
		public T runHere() {
			return this.outcome.apply(Bcrypt.hash(this.key, this.salt));
		}

	}

}
