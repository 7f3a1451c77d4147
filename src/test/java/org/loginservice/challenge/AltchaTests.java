package org.loginservice.challenge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The protocol alone: what a solution must be to be taken. That it is ALTCHA's, byte for
 * byte, is proved against ALTCHA's own code by {@code AltchaCompatibilityTests}.
 */
class AltchaTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private final Altcha altcha = new Altcha("a secret of thirty-two characters!");

	@Test
	void aSolvedChallengeIsTakenWithWhatItWasIssuedFor() {
		Altcha.Challenge challenge = this.altcha.issue(Purpose.LOGIN, 8, 10, NOW.plusSeconds(300));

		Altcha.Solved solved = this.altcha.verify(Solver.solve(asMap(challenge)), NOW);

		assertThat(solved.purpose()).isEqualTo(Purpose.LOGIN);
		assertThat(solved.work()).isEqualTo(8);
		assertThat(solved.nonce()).isEqualTo(challenge.parameters().nonce());
		assertThat(solved.expiresAt()).isEqualTo(NOW.plusSeconds(300));
	}

	@Test
	void theCounterIsDrawnBelowTheWork() {
		for (int i = 0; i < 20; i++) {
			String solution = Solver.solve(asMap(this.altcha.issue(Purpose.REGISTER, 3, 1, NOW.plusSeconds(60))));
			int counter = ((Number) ((Map<?, ?>) decode(solution).get("solution")).get("counter")).intValue();
			assertThat(counter).isBetween(0, 2);
		}
	}

	@Test
	void anySignedParameterChangedThenTampered() {
		Map<String, Object> challenge = asMap(this.altcha.issue(Purpose.REGISTER, 4, 10, NOW.plusSeconds(300)));
		Map<String, UnaryOperator<Object>> changes = Map.of("cost", (cost) -> 11, "expiresAt",
				(at) -> ((Number) at).longValue() + 3600, "data", (data) -> Map.of("purpose", "register", "work", 1),
				"keyPrefix", (prefix) -> flip((String) prefix), "keySignature", (signature) -> flip((String) signature),
				"nonce", (nonce) -> flip((String) nonce), "salt", (salt) -> flip((String) salt));

		changes.forEach((name, change) -> {
			Map<String, Object> parameters = new HashMap<>(parameters(challenge));
			parameters.put(name, change.apply(parameters.get(name)));
			String solution = Solver.payload(Map.of("parameters", parameters, "signature", challenge.get("signature")),
					solutionOf(Solver.solve(challenge)));
			assertThatExceptionOfType(ChallengeRefused.class).as(name)
				.isThrownBy(() -> this.altcha.verify(solution, NOW))
				.extracting(ChallengeRefused::refusal)
				.isEqualTo(Refusal.TAMPERED);
		});
	}

	@Test
	void aChallengeSignedWithAnotherSecretThenTampered() {
		Altcha other = new Altcha("another secret of thirty-two chars");
		String solution = Solver.solve(asMap(other.issue(Purpose.REGISTER, 4, 10, NOW.plusSeconds(300))));

		assertRefused(solution, NOW, Refusal.TAMPERED);
	}

	@Test
	void fromItsExpiryOnThenExpired() {
		String solution = Solver.solve(asMap(this.altcha.issue(Purpose.REGISTER, 4, 10, NOW.plusSeconds(300))));

		assertThat(this.altcha.verify(solution, NOW.plusSeconds(299)).work()).isEqualTo(4);
		assertRefused(solution, NOW.plusSeconds(300), Refusal.EXPIRED);
	}

	@Test
	void aKeyThatIsNotTheOneThenUnsolved() {
		Map<String, Object> challenge = asMap(this.altcha.issue(Purpose.REGISTER, 4, 10, NOW.plusSeconds(300)));
		Map<String, Object> solution = new HashMap<>(solutionOf(Solver.solve(challenge)));
		solution.put("derivedKey", flip((String) solution.get("derivedKey")));

		assertRefused(Solver.payload(challenge, solution), NOW, Refusal.UNSOLVED);
	}

	@Test
	void whatIsNotOfTheOneShapeThenMalformed() {
		Map<String, Object> challenge = asMap(this.altcha.issue(Purpose.REGISTER, 4, 10, NOW.plusSeconds(300)));
		Map<String, Object> solution = solutionOf(Solver.solve(challenge));
		Map<String, Object> extra = new HashMap<>(parameters(challenge));
		extra.put("memoryCost", 1);
		Map<String, Object> upperCase = new HashMap<>(parameters(challenge));
		upperCase.put("nonce", ((String) upperCase.get("nonce")).toUpperCase());
		Map<String, Object> textCost = new HashMap<>(parameters(challenge));
		textCost.put("cost", "10");

		for (Map<String, Object> parameters : new Map[] { extra, upperCase, textCost }) {
			assertRefused(
					Solver.payload(Map.of("parameters", parameters, "signature", challenge.get("signature")), solution),
					NOW, Refusal.MALFORMED);
		}
		assertRefused(base64("{\"challenge\":{},\"solution\":{},\"challenge\":{}}"), NOW, Refusal.MALFORMED);
		assertRefused("%%%", NOW, Refusal.MALFORMED);
		assertRefused("", NOW, Refusal.MISSING);
		assertRefused(null, NOW, Refusal.MISSING);
	}

	@Test
	void theSignedTextIsTheParametersAsJsonWithSortedKeysAndNoSpaces() {
		ChallengeParameters parameters = this.altcha.issue(Purpose.REGISTER, 4, 10, NOW.plusSeconds(300)).parameters();

		assertThat(parameters.canonical()).isEqualTo(JSON.writeValueAsString(parameters))
			.startsWith(
					"{\"algorithm\":\"PBKDF2/SHA-256\",\"cost\":10,\"data\":{\"purpose\":\"register\",\"work\":4},");
	}

	private void assertRefused(String solution, Instant now, Refusal refusal) {
		assertThatExceptionOfType(ChallengeRefused.class).isThrownBy(() -> this.altcha.verify(solution, now))
			.extracting(ChallengeRefused::refusal)
			.isEqualTo(refusal);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Altcha.Challenge challenge) {
		return JSON.readValue(JSON.writeValueAsString(challenge), Map.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parameters(Map<String, Object> challenge) {
		return (Map<String, Object>) challenge.get("parameters");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> solutionOf(String payload) {
		return (Map<String, Object>) decode(payload).get("solution");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> decode(String payload) {
		return JSON.readValue(Base64.getDecoder().decode(payload), Map.class);
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String flip(String hex) {
		return ((hex.charAt(0) == '0') ? "1" : "0") + hex.substring(1);
	}

}
