package org.loginservice.challenge;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A solution as a solver sends it in the field {@code altcha}:
 * {@code base64(JSON{challenge: {parameters, signature}, solution: {counter, derivedKey,
 * time}})}, read strictly: exactly the parameters issued here, each of its one type and
 * form, so that what is signed is rebuilt byte for byte from what was read and no other
 * text can carry the same signature.
 *
 * @param parameters the challenge's parameters, as issued
 * @param signature the challenge's signature
 * @param derivedKey the key the solver found
 */
record Solution(ChallengeParameters parameters, byte[] signature, byte[] derivedKey) {

	/** The longest solution read: one is about 700 characters. */
	static final int MAX_LENGTH = 4096;

	private static final HexFormat HEX = HexFormat.of();

	private static final Pattern HEX_16 = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern HEX_32 = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern PURPOSE = Pattern.compile("register|login");

	private static final Set<String> PARAMETERS = Set.of("algorithm", "cost", "data", "expiresAt", "keyLength",
			"keyPrefix", "keySignature", "nonce", "salt");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/**
	 * A space stands for a plus sign, which an unencoded query string turns into one.
	 * @throws ChallengeRefused if the payload is missing or not of that one shape
	 */
	static Solution read(String payload) {
		if (payload == null || payload.isEmpty()) {
			throw new ChallengeRefused(Refusal.MISSING);
		}
		if (payload.length() > MAX_LENGTH) {
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
		JsonNode solution = root.get("solution");
		number(solution.get("counter"), 0, 0xFFFF_FFFFL);
		if (!solution.get("time").isNumber()) {
			throw new ChallengeRefused(Refusal.MALFORMED);
		}
		return new Solution(parameters(root.get("challenge").get("parameters")),
				hex(root.get("challenge").get("signature"), HEX_32), hex(solution.get("derivedKey"), HEX_32));
	}

	private static ChallengeParameters parameters(JsonNode node) {
		if (!hasKeys(node, PARAMETERS) || !hasKeys(node.get("data"), Set.of("purpose", "work"))
				|| !Altcha.ALGORITHM.equals(node.get("algorithm").stringValue())) {
			throw new ChallengeRefused(Refusal.MALFORMED);
		}
		JsonNode data = node.get("data");
		return new ChallengeParameters(Altcha.ALGORITHM, (int) number(node.get("cost"), 1, 10_000_000),
				new ChallengeParameters.Data(text(data.get("purpose"), PURPOSE),
						(int) number(data.get("work"), 1, Integer.MAX_VALUE)),
				number(node.get("expiresAt"), 1, Long.MAX_VALUE / 1000),
				(int) number(node.get("keyLength"), Altcha.KEY_LENGTH, Altcha.KEY_LENGTH),
				text(node.get("keyPrefix"), HEX_16), text(node.get("keySignature"), HEX_32),
				text(node.get("nonce"), HEX_16), text(node.get("salt"), HEX_16));
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

}
