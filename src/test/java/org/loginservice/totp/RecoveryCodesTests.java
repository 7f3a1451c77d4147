package org.loginservice.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Recovery codes: their form, their alphabet, and how they are read back. */
class RecoveryCodesTests {

	private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	@Test
	void generateWhenCalledThenTenDistinctGroupedCodes() {
		List<String> codes = RecoveryCodes.generate(new SecureRandom());
		assertThat(codes).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch((code) -> code.matches("[" + ALPHABET + "]{4}(-[" + ALPHABET + "]{4}){3}"));
	}

	@Test
	void generateWhenManySetsThenEverySymbolAboutEquallyOften() {
		SecureRandom random = new SecureRandom();
		Map<Character, Integer> counts = new HashMap<>();
		Set<String> all = new HashSet<>();
		for (int set = 0; set < 200; set++) {
			for (String code : RecoveryCodes.generate(random)) {
				all.add(code);
				code.replace("-", "").chars().forEach((c) -> counts.merge((char) c, 1, Integer::sum));
			}
		}
		assertThat(all).hasSize(2000);
		// 32000 symbols, 1000 expected of each (a standard deviation of 31): a symbol
		// never drawn, or one drawn a fifth more or less often, falls outside.
		assertThat(counts).hasSize(32).allSatisfy((symbol, count) -> assertThat(count).isBetween(820, 1180));
		assertThat(counts.keySet()).doesNotContain('0', '1', 'I', 'O');
	}

	@Test
	void normaliseWhenShownFormThenSixteenSymbols() {
		assertThat(RecoveryCodes.normalise("ABCD-EFGH-JKMN-PQRS")).contains("ABCDEFGHJKMNPQRS");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abcd efgh-jkmn pqrs", "abcdefghjkmnpqrs", " AbCd-EfGh-JkMn-PqRs ",
			"ABCD--EFGH JKMN\tPQRS", "ABCD\u00a0EFGH\u2003JKMN\u3000PQRS", "A-B-C-D-E-F-G-H-J-K-M-N-P-Q-R-S" })
	void normaliseWhenCaseSpacesOrHyphensThenTheSameCode(String typed) {
		assertThat(RecoveryCodes.normalise(typed)).contains("ABCDEFGHJKMNPQRS");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0BCD-EFGH-JKMN-PQRS", "OBCD-EFGH-JKMN-PQRS", "1BCD-EFGH-JKMN-PQRS", "IBCD-EFGH-JKMN-PQRS",
			"iBCD-EFGH-JKMN-PQRS", "oBCD-EFGH-JKMN-PQRS", "ABCD_EFGH_JKMN_PQRS", "\u017fBCD-EFGH-JKMN-PQRS",
			"\uff21BCD-EFGH-JKMN-PQRS" })
	void normaliseWhenSymbolOutsideTheAlphabetThenEmpty(String typed) {
		assertThat(RecoveryCodes.normalise(typed)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "   ", "ABCD-EFGH-JKMN-PQR", "ABCD-EFGH-JKMN-PQRST", "ABCDEFGHJKMNPQRSABCDEFGHJKMNPQRS" })
	void normaliseWhenWrongLengthThenEmpty(String typed) {
		assertThat(RecoveryCodes.normalise(typed)).isEmpty();
	}

	@Test
	void normaliseWhenNullOrOverSixtyFourCharactersThenEmpty() {
		assertThat(RecoveryCodes.normalise(null)).isEmpty();
		String spaced = "ABCD-EFGH-JKMN-PQRS" + " ".repeat(45);
		assertThat(spaced).hasSize(64);
		assertThat(RecoveryCodes.normalise(spaced)).isPresent();
		assertThat(RecoveryCodes.normalise(spaced + " ")).isEmpty();
	}

	@Test
	void normaliseWhenGeneratedThenItsCodeWithoutHyphens() {
		for (String code : RecoveryCodes.generate(new SecureRandom())) {
			assertThat(RecoveryCodes.normalise(code)).contains(code.replace("-", ""));
		}
	}

	@Test
	void hashWhenNormalisedThenHexSha256() throws Exception {
		String hash = RecoveryCodes.hash("ABCDEFGHJKMNPQRS");
		assertThat(hash)
			.isEqualTo(HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest("ABCDEFGHJKMNPQRS".getBytes(StandardCharsets.US_ASCII))))
			.matches("[0-9a-f]{64}");
		assertThat(RecoveryCodes.hash("ABCDEFGHJKMNPQRT")).isNotEqualTo(hash);
	}

}
