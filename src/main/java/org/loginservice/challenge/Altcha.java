package org.loginservice.challenge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * A solution is read strictly: exactly the parameters issued here, each of its one type
 * and form, so that what is signed is rebuilt byte for byte from what was read and no
 * other text can carry the same signature.
 */
final class Altcha {

	static final String ALGORITHM = "PBKDF2/SHA-256";

	static final int KEY_LENGTH = 32;

	/** The longest solution read: one is about 700 characters. */
	static final int MAX_PAYLOAD = 4096;

	private static final String HMAC = "HmacSHA256";

	private static final HexFormat HEX = HexFormat.of();

	private static final Pattern HEX_16 = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern HEX_32 = Pattern.compile("[0-9a-f]{64}");

	private static final Set<String> PARAMETERS = Set.of("algorithm", "cost", "data", "expiresAt", "keyLength",
			"keyPrefix", "keySignature", "nonce", "salt");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

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
		Parameters parameters = new Parameters(ALGORITHM, cost, new Data(purpose.value(), work),
				expiresAt.getEpochSecond(), KEY_LENGTH, HEX.formatHex(key, 0, KEY_LENGTH / 2),
				HEX.formatHex(hmac(this.keySignatureKey, key)), HEX.formatHex(nonce), HEX.formatHex(salt));
		return new Challenge(parameters, HEX.formatHex(hmac(this.signatureKey, parameters.canonical())));
	}

	/**
	 * Checks a solution's form, signature, expiry and key; not whether it was used
	 * before.
	 * @throws ChallengeRefused naming what is wrong with it
	 */
	Solved verify(String payload, Instant now) {
		if (payload == null || payload.isEmpty()) {
			throw new ChallengeRefused(Refusal.MISSING);
		}
		JsonNode solution = read(payload);
		Parameters parameters = Parameters.of(solution.get("challenge").get("parameters"));
		byte[] signature = hex(solution.get("challenge").get("signature"), HEX_32);
		byte[] key = hex(solution.get("solution").get("derivedKey"), HEX_32);
		number(solution.get("solution").get("counter"), 0, 0xFFFF_FFFFL);
		if (!solution.get("solution").get("time").isNumber()) {
			throw new ChallengeRefused(Refusal.MALFORMED);
		}
		if (!MessageDigest.isEqual(signature, hmac(this.signatureKey, parameters.canonical()))) {
			throw new ChallengeRefused(Refusal.TAMPERED);
		}
		if (parameters.expiresAt() <= now.getEpochSecond()) {
			throw new ChallengeRefused(Refusal.EXPIRED);
		}
		if (!MessageDigest.isEqual(HEX.parseHex(parameters.keySignature()), hmac(this.keySignatureKey, key))) {
			throw new ChallengeRefused(Refusal.UNSOLVED);
		}
		return new Solved(parameters.nonce(), Purpose.of(parameters.data().purpose()), parameters.data().work(),
				Instant.ofEpochSecond(parameters.expiresAt()));
	}

	/**
	 * The payload as JSON of the one shape a solver sends. A space stands for a plus
	 * sign, which an unencoded query string turns into one.
	 */
	private static JsonNode read(String payload) {
		if (payload.length() > MAX_PAYLOAD) {
			throw new ChallengeRefused(Refusal.MALFORMED);
		}
		JsonNode root;
		try {
			root = JSON.readTree(Base64.getDecoder().decode(payload.replace(' ', '+')));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new ChallengeRefused(Refusal.MALFORMED);
		}
		if (!hasKeys(root, Set.of("challenge", "solution"))
				|| !hasKeys(root.get("challenge"), Set.of("parameters", "signature"))
				|| !hasKeys(root.get("solution"), Set.of("counter", "derivedKey", "time"))) {
			throw new ChallengeRefused(Refusal.MALFORMED);
		}
		return root;
	}

	private static boolean hasKeys(JsonNode node, Set<String> keys) {
		return node != null && node.isObject()
				&& node.properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet()).equals(keys);
	}

	private static byte[] hex(JsonNode node, Pattern form) {
		return HEX.parseHex(text(node, form));
	}

	private static String text(JsonNode node, Pattern form) {
		if (node == null || !node.isString() || !form.matcher(node.stringValue()).matches()) {
			throw new ChallengeRefused(Refusal.MALFORMED);
		}
		return node.stringValue();
	}

	private static long number(JsonNode node, long min, long max) {
		if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min
				|| node.longValue() > max) {
			throw new ChallengeRefused(Refusal.MALFORMED);
		}
		return node.longValue();
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
	record Challenge(Parameters parameters, String signature) {

	}

	/**
	 * What a challenge asks and promises, all of it signed.
	 *
	 * @param data what the challenge is for and how much work it asks, so that a
	 * challenge for one purpose or an easier one is not taken for another
	 */
	@JsonPropertyOrder(alphabetic = true)
	record Parameters(String algorithm, int cost, Data data, long expiresAt, int keyLength, String keyPrefix,
			String keySignature, String nonce, String salt) {

		private static final Pattern PURPOSE = Pattern.compile("register|login");

		static Parameters of(JsonNode node) {
			if (!hasKeys(node, PARAMETERS) || !hasKeys(node.get("data"), Set.of("purpose", "work"))
					|| !ALGORITHM.equals(node.get("algorithm").stringValue())) {
				throw new ChallengeRefused(Refusal.MALFORMED);
			}
			JsonNode data = node.get("data");
			return new Parameters(ALGORITHM, (int) number(node.get("cost"), 1, 10_000_000),
					new Data(text(data.get("purpose"), PURPOSE), (int) number(data.get("work"), 1, Integer.MAX_VALUE)),
					number(node.get("expiresAt"), 1, Long.MAX_VALUE / 1000),
					(int) number(node.get("keyLength"), KEY_LENGTH, KEY_LENGTH), text(node.get("keyPrefix"), HEX_16),
					text(node.get("keySignature"), HEX_32), text(node.get("nonce"), HEX_16),
					text(node.get("salt"), HEX_16));
		}

		/**
		 * The JSON that is signed: {@code JSON.stringify} of the parameters with sorted
		 * keys. Every value is a number or a string of letters, digits and slashes, which
		 * JSON writes as they are.
		 */
		String canonical() {
			return "{\"algorithm\":\"" + this.algorithm + "\",\"cost\":" + this.cost + ",\"data\":{\"purpose\":\""
					+ this.data.purpose() + "\",\"work\":" + this.data.work() + "},\"expiresAt\":" + this.expiresAt
					+ ",\"keyLength\":" + this.keyLength + ",\"keyPrefix\":\"" + this.keyPrefix
					+ "\",\"keySignature\":\"" + this.keySignature + "\",\"nonce\":\"" + this.nonce + "\",\"salt\":\""
					+ this.salt + "\"}";
		}

	}

	/**
	 * @param purpose {@code register} or {@code login}
	 * @param work the size of the counter's range
	 */
	@JsonPropertyOrder(alphabetic = true)
	record Data(String purpose, int work) {

	}

	/** A solution that checked out. */
	record Solved(String nonce, Purpose purpose, int work, Instant expiresAt) {

	}

}
