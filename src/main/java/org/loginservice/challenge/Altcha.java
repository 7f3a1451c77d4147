package org.loginservice.challenge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ALTCHA's proof of work, protocol version 2, in its deterministic mode: the server picks
 * the counter, derives its key, and publishes the key's first half ({@code keyPrefix})
 * and an HMAC of the whole key ({@code keySignature}); the client derives keys for
 * counters 0, 1, 2, ... until one starts with the prefix. So issuing costs one key
 * derivation, and checking a solution two HMACs.
 * <p>
 * As the protocol defines it: a key is PBKDF2-HMAC-SHA-256 of the nonce's bytes followed
 * by the counter as a big-endian 32-bit integer, with the salt's bytes, {@code cost}
 * iterations and {@code keyLength} bytes; {@code signature} is the hex HMAC-SHA-256,
 * keyed with the secret's UTF-8 bytes, of the parameters as JSON with sorted keys and no
 * spaces; the key signature's secret is derived from that secret as ALTCHA's server
 * libraries derive it. A solution is {@code base64(JSON{challenge, solution})}.
 * <p>
 * A solution is read strictly, by {@link Solution}.
 */
final class Altcha {

	static final String ALGORITHM = "PBKDF2/SHA-256";

	static final int KEY_LENGTH = 32;

	private static final String HMAC = "HmacSHA256";

	private static final HexFormat HEX = HexFormat.of();

	private final SecretKeySpec signatureKey;

	private final SecretKeySpec keySignatureKey;

	private final SecureRandom random = new SecureRandom();

	Altcha(String secret) {
		this.signatureKey = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
		this.keySignatureKey = new SecretKeySpec(HEX
			.formatHex(hmac(new SecretKeySpec("derived-secret".getBytes(StandardCharsets.UTF_8), HMAC),
					secret.getBytes(StandardCharsets.UTF_8)))
			.getBytes(StandardCharsets.UTF_8), HMAC);
	}

	/**
	 * A new challenge whose counter is drawn from {@code [0, work)}: a solver derives
	 * about {@code work / 2} keys, {@code work} at most.
	 */
	Challenge issue(Purpose purpose, int work, int cost, Instant expiresAt) {
		byte[] nonce = randomBytes(16);
		byte[] salt = randomBytes(16);
		int counter = this.random.nextInt(work);
		byte[] key = Pbkdf2.deriveKey(password(nonce, counter), salt, cost, KEY_LENGTH);
		ChallengeParameters parameters = new ChallengeParameters(ALGORITHM, cost,
				new ChallengeParameters.Data(purpose.value(), work), expiresAt.getEpochSecond(), KEY_LENGTH,
				HEX.formatHex(key, 0, KEY_LENGTH / 2), HEX.formatHex(hmac(this.keySignatureKey, key)),
				HEX.formatHex(nonce), HEX.formatHex(salt));
		return new Challenge(parameters, HEX.formatHex(hmac(this.signatureKey, parameters.canonical())));
	}

	/**
	 * Checks a solution's form, signature, expiry and key; not whether it was used
	 * before.
	 * @throws ChallengeRefused naming what is wrong with it
	 */
	Solved verify(String payload, Instant now) {
		Solution solution = Solution.read(payload);
		ChallengeParameters parameters = solution.parameters();
		if (!MessageDigest.isEqual(solution.signature(), hmac(this.signatureKey, parameters.canonical()))) {
			throw new ChallengeRefused(Refusal.TAMPERED);
		}
		if (parameters.expiresAt() <= now.getEpochSecond()) {
			throw new ChallengeRefused(Refusal.EXPIRED);
		}
		if (!MessageDigest.isEqual(HEX.parseHex(parameters.keySignature()),
				hmac(this.keySignatureKey, solution.derivedKey()))) {
			throw new ChallengeRefused(Refusal.UNSOLVED);
		}
		return new Solved(parameters.nonce(), Purpose.of(parameters.data().purpose()), parameters.data().work(),
				Instant.ofEpochSecond(parameters.expiresAt()));
	}

	private static byte[] password(byte[] nonce, int counter) {
		byte[] password = new byte[nonce.length + 4];
		System.arraycopy(nonce, 0, password, 0, nonce.length);
		for (int i = 0; i < 4; i++) {
			password[nonce.length + i] = (byte) (counter >>> (24 - 8 * i));
		}
		return password;
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] hmac(SecretKeySpec key, String text) {
		return hmac(key, text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(SecretKeySpec key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", ex);
		}
	}

	/** A challenge as the {@code altcha} widget reads it from its challenge URL. */
	record Challenge(ChallengeParameters parameters, String signature) {

	}

	/** A solution that checked out. */
	record Solved(String nonce, Purpose purpose, int work, Instant expiresAt) {

	}

}
