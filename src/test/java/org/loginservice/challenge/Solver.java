package org.loginservice.challenge;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Solves challenges the way ALTCHA's solvers do (counters 0, 1, 2, ... until a key starts
 * with the prefix), for the tests that need many solutions quickly. Compatibility with
 * ALTCHA's own solver and widget is proved by {@code AltchaCompatibilityTests}.
 */
public final class Solver {

	private static final HexFormat HEX = HexFormat.of();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Solver() {
	}

	/** The field {@code altcha} for the challenge, as {@code GET /challenge} gave it. */
	@SuppressWarnings("unchecked")
	public static String solve(Map<String, Object> challenge) {
		Map<String, Object> parameters = (Map<String, Object>) challenge.get("parameters");
		byte[] nonce = HEX.parseHex((String) parameters.get("nonce"));
		byte[] salt = HEX.parseHex((String) parameters.get("salt"));
		int cost = ((Number) parameters.get("cost")).intValue();
		String prefix = (String) parameters.get("keyPrefix");
		for (int counter = 0;; counter++) {
			byte[] password = new byte[nonce.length + 4];
			System.arraycopy(nonce, 0, password, 0, nonce.length);
			for (int i = 0; i < 4; i++) {
				password[nonce.length + i] = (byte) (counter >>> (24 - 8 * i));
			}
			String key = HEX.formatHex(Pbkdf2.deriveKey(password, salt, cost, 32));
			if (key.startsWith(prefix)) {
				return payload(challenge, Map.of("counter", counter, "derivedKey", key, "time", 1.5));
			}
		}
	}

	static String payload(Map<String, Object> challenge, Map<String, Object> solution) {
		String json = JSON.writeValueAsString(Map.of("challenge", challenge, "solution", solution));
		return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
