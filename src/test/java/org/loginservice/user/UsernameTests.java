package org.loginservice.user;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UsernameTests {

	@Test
	void sameNameInAnotherCaseWidthOrPaddingIsOneCanonicalName() {
		Username soham = Username.of("Soham");

		assertThat(Username.of(" soham ").canonical()).isEqualTo(soham.canonical());
		assertThat(Username.of("ｓｏｈａｍ").canonical()).isEqualTo(soham.canonical());
		assertThat(Username.of("SOHAM\u3000").canonical()).isEqualTo(soham.canonical());
	}

	@Test
	void displayKeepsCaseButIsTrimmedAndNormalized() {
		assertThat(Username.of("  Ｓｏｈａｍ\t").display()).isEqualTo("Soham");
	}

	@Test
	void caseFoldingCoversMoreThanAscii() {
		assertThat(Username.of("STRASSE").canonical()).isEqualTo(Username.of("straße").canonical());
		assertThat(Username.of("ΣΟΦΙΑ").canonical()).isEqualTo(Username.of("σοφια").canonical());
	}

	@Test
	void lengthCountsCharactersNotBytesOrUnits() {
		assertThat(Username.of("ab").problem()).isPresent();
		assertThat(Username.of("abc").problem()).isEmpty();
		assertThat(Username.of("ö".repeat(64)).problem()).isEmpty();
		assertThat(Username.of("ö".repeat(65)).problem()).isPresent();
		assertThat(Username.of("\uD835\uDD04".repeat(10)).problem()).isEmpty();
	}

	@Test
	void onlyLettersDigitsAndDotUnderscoreDashAt() {
		assertThat(Username.of("user.name_1-x@host").problem()).isEmpty();
		assertThat(Username.of("Zoë").problem()).isEmpty();
		assertThat(Username.of("a b c").problem()).contains("may contain only letters, digits and . _ - @");
		assertThat(Username.of("left\u202Eright").problem()).isPresent();
		assertThat(Username.of("zero\u200Bwidth").problem()).isPresent();
		assertThat(Username.of("nul\u0000name").problem()).isPresent();
		assertThat(Username.of("quote'name").problem()).isPresent();
	}

	@Test
	void namesThatLookAlikeHaveOneSkeleton() {
		String soham = Username.of("soham").skeleton();

		assertThat(Username.of("\u0455oham").skeleton()).as("Cyrillic dze").isEqualTo(soham);
		assertThat(Username.of("ＳＯＨＡＭ").skeleton()).isEqualTo(soham);
		assertThat(Username.of("\u0441\u043E\u0440").skeleton()).as("Cyrillic сор")
			.isEqualTo(Username.of("cop").skeleton());
		assertThat(Username.of("modern").skeleton()).isEqualTo(Username.of("rnodern").skeleton());
		assertThat(Username.of("user1").skeleton()).isEqualTo(Username.of("userl").skeleton());
	}

	@Test
	void namesThatDifferHaveDifferentSkeletons() {
		assertThat(Username.of("soham").skeleton()).isNotEqualTo(Username.of("sohan").skeleton())
			.isNotEqualTo(Username.of("sohám").skeleton());
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "\u0455oham", "so\u0436am", "mix\u03BBatin", "Ελληνικά-latin", "abc\u0938\u094B\u0939\u092E" })
	void namesMixingScriptsBeyondHighlyRestrictiveAreRefused(String name) {
		assertThat(Username.of(name).problem()).get().asString().startsWith("mixes letters of different scripts");
	}

	@ParameterizedTest
	@ValueSource(strings = { "山田たろうタロウ", "soham漢字", "soham한국어", "sohamカタカナ", "Иван-1", "Ελληνικά", "सोहम", "שלום",
			"محمد", "Nguyễn", "ज़िंदगी", "น้ำ", "12345", "user_name-1@example.org" })
	void namesInOneScriptOrLatinWithChineseJapaneseOrKoreanAreAllowed(String name) {
		assertThat(Username.of(name).problem()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "|",
			textBlock = """
					\u0301\u0302\u0303           | must not begin with an accent or other combining mark
					s\u0301\u0302\u0303\u0304\u0306 | may have at most 2 accents on one letter
					abs\u0301\u0302\u0303c        | may have at most 2 accents on one letter
					sohá\u0301m                   | may not repeat an accent on one letter
					...                           | must contain a letter or a digit
					_-@                           | must contain a letter or a digit
					emoji\uD83D\uDE00             | may contain only letters, digits and . _ - @
					a+b                           | may contain only letters, digits and . _ - @
					abc\uE000                     | may contain only letters, digits and . _ - @
					\u1F88bc                      | may not contain title-case letters: write a capital and a small letter instead
					abc\u20DD                     | may not contain enclosing marks (a circle or box drawn around a character)
					ab\u034Fc                     | may not contain invisible characters
					abc\uFE0F                     | may not contain invisible characters
					ab\u200Dc                     | may not contain invisible characters
					abc\u0378                     | may not contain characters that Unicode has not assigned
					\u1113\u1161\u11A8            | may not contain old Hangul jamo: write Hangul in syllables
					\u0639\u0640\u0644\u064A      | may contain only letters in current use, not historic, obsolete or technical ones
					\uD800\uDF30\uD800\uDF31\uD800\uDF32 | may contain only letters in current use, not historic, obsolete or technical ones
					abc1\u0968                    | may not mix digits of different scripts
					""")
	void namesBreakingPrecisOrUts39AreRefusedSayingWhy(String name, String problem) {
		assertThat(Username.of(name).problem()).contains(problem);
	}

	/** RFC 5892's exceptions that IdentifierClass disallows, though letters or marks. */
	@ParameterizedTest
	@ValueSource(ints = { 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B })
	void precisExceptionsThatAreDisallowedAreRefused(int exception) {
		assertThat(Username.of("\u5C71\u7530" + Character.toString(exception)).problem()).isPresent();
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "|", textBlock = """
			שלוםabc     | may not mix right-to-left and left-to-right letters
			abcשלום     | may not mix right-to-left and left-to-right letters
			-שלום       | must begin with a letter when written right to left
			\u0661שלום  | must begin with a letter when written right to left
			שלום-       | must end with a letter or a digit when written right to left
			محمد1\u0662 | may not mix European and Arabic-Indic digits
			""")
	void namesWithRightToLeftLettersFollowTheBidiRule(String name, String problem) {
		assertThat(Username.of(name).problem()).contains(problem);
		assertThat(Username.of("שלום1").problem()).isEmpty();
		assertThat(Username.of("محمد\u0661\u0662").problem()).isEmpty();
		assertThat(Username.of("שלום.כהן").problem()).isEmpty();
	}

	/**
	 * The column holds 512 characters: enough for the skeleton of the longest name that
	 * the rules, old or new, let in, as every character of it is checked.
	 */
	@Test
	void skeletonOfAnyNameTheOldRulesAllowedFitsItsColumn() {
		Pattern oldRules = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}._@-]+");
		int longestPerCharacter = 0;
		for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
			int type = Character.getType(c);
			if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
				continue;
			}
			Username name = Username.of(Character.toString(c));
			int characters = name.display().codePointCount(0, name.display().length());
			if (characters > 0 && oldRules.matcher(name.display()).matches()) {
				int skeleton = name.skeleton().length();
				longestPerCharacter = Math.max(longestPerCharacter, (skeleton + characters - 1) / characters);
			}
		}
		assertThat(longestPerCharacter).isPositive();
		assertThat(longestPerCharacter * Username.MAX_LENGTH).isLessThanOrEqualTo(512);
	}

}
