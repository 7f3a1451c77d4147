package org.loginservice.user;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacter.IdentifierType;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * The rules a new name must pass so that one face is one account: RFC 8265's
 * {@code UsernameCaseMapped} profile (each character in PRECIS IdentifierClass, the Bidi
 * Rule of RFC 5893) and Unicode UTS #39 (no scripts mixed beyond its "highly restrictive"
 * level, no digits of two systems, no mark stacked twice), plus at most two accents on a
 * letter. Every judgement comes from the Unicode properties of ICU (and of Java, for what
 * it has assigned), not from tables of our own.
 * <p>
 * ICU loads its data when this class is first used, which costs about 0.6 s once: the
 * first registration pays it, logins never do.
 */
final class UsernameRules {

	static final String ONLY_ALLOWED = "may contain only letters, digits and . _ - @";

	/** Checked last, so that a name with this problem has no other. */
	static final String MIXES_SCRIPTS = "mixes letters of different scripts: use one script (Latin may go with "
			+ "Chinese, Japanese or Korean)";

	/** The punctuation allowed beside letters and digits, all of it ASCII. */
	private static final String PUNCTUATION = "._-@";

	private static final int MAX_MARKS_PER_LETTER = 2;

	/**
	 * UTS #39 identifier types of letters that have no place in a name today. Limited and
	 * uncommon use stay allowed: they hold the scripts of living minority languages and
	 * rare Han characters of personal names.
	 */
	private static final Set<IdentifierType> NOT_FOR_NAMES = EnumSet.of(IdentifierType.OBSOLETE,
			IdentifierType.TECHNICAL, IdentifierType.EXCLUSION, IdentifierType.DEPRECATED, IdentifierType.NOT_XID,
			IdentifierType.NOT_NFKC, IdentifierType.DEFAULT_IGNORABLE, IdentifierType.NOT_CHARACTER);

	private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

	private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

	/** Thread-safe once built, and slow to build: made once. */
	private static final SpoofChecker SPOOF = new SpoofChecker.Builder()
		.setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
		.setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS | SpoofChecker.INVISIBLE)
		.build();

	private UsernameRules() {
	}

	/**
	 * The UTS #39 skeleton: two names with one skeleton look alike ("soham" with a
	 * Cyrillic "ѕ", "rn" and "m", "l" and "1").
	 */
	static String skeleton(String canonical) {
		return SPOOF.getSkeleton(canonical);
	}

	/** What is wrong with a display name and its canonical form, if anything. */
	static Optional<String> problem(String display, String canonical) {
		return characters(display).or(() -> characters(canonical))
			.or(() -> marks(display))
			.or(() -> letterOrDigit(display))
			.or(() -> BidiRule.problem(display))
			.or(() -> spoofing(display));
	}

	/** RFC 8264's IdentifierClass, taken in its order, with our narrower punctuation. */
	private static Optional<String> characters(String name) {
		for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
			Optional<String> problem = character(name.codePointAt(i));
			if (problem.isPresent()) {
				return problem;
			}
		}
		return Optional.empty();
	}

	private static Optional<String> character(int c) {
		int type = UCharacter.getType(c);
		// Either Unicode version will do: Java's decides the canonical form, so a
		// character it does not know yet could change that form once it does.
		if (type == UCharacterCategory.UNASSIGNED || Character.getType(c) == Character.UNASSIGNED) {
			return Optional.of("may not contain characters that Unicode has not assigned");
		}
		if (PUNCTUATION.indexOf(c) >= 0) {
			return Optional.empty();
		}
		if (c < 0x80 && !Character.isLetterOrDigit(c)) {
			return Optional.of(ONLY_ALLOWED);
		}
		if (UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
				|| UCharacter.hasBinaryProperty(c, UProperty.JOIN_CONTROL)) {
			return Optional.of("may not contain invisible characters");
		}
		int jamo = UCharacter.getIntPropertyValue(c, UProperty.HANGUL_SYLLABLE_TYPE);
		if (jamo == UCharacter.HangulSyllableType.LEADING_JAMO || jamo == UCharacter.HangulSyllableType.VOWEL_JAMO
				|| jamo == UCharacter.HangulSyllableType.TRAILING_JAMO) {
			return Optional.of("may not contain old Hangul jamo: write Hangul in syllables");
		}
		if (type == UCharacterCategory.CONTROL || !NFKC.isNormalized(Character.toString(c))) {
			return Optional.of(ONLY_ALLOWED);
		}
		return switch (type) {
			case UCharacterCategory.LOWERCASE_LETTER, UCharacterCategory.UPPERCASE_LETTER,
					UCharacterCategory.OTHER_LETTER, UCharacterCategory.MODIFIER_LETTER,
					UCharacterCategory.DECIMAL_DIGIT_NUMBER, UCharacterCategory.NON_SPACING_MARK,
					UCharacterCategory.COMBINING_SPACING_MARK ->
				inCurrentUse(c);
			case UCharacterCategory.TITLECASE_LETTER ->
				Optional.of("may not contain title-case letters: write a capital and a small letter instead");
			case UCharacterCategory.ENCLOSING_MARK ->
				Optional.of("may not contain enclosing marks (a circle or box drawn around a character)");
			default -> Optional.of(ONLY_ALLOWED);
		};
	}

	private static Optional<String> inCurrentUse(int c) {
		EnumSet<IdentifierType> types = EnumSet.noneOf(IdentifierType.class);
		UCharacter.getIdentifierTypes(c, types);
		types.retainAll(NOT_FOR_NAMES);
		return types.isEmpty() ? Optional.empty()
				: Optional.of("may contain only letters in current use, not historic, obsolete or technical ones");
	}

	/**
	 * Counted on the decomposed name, so that a precomposed "é" counts as "e" and one
	 * accent. Only nonspacing marks pile up on a letter: the spacing ones of Indic
	 * scripts (a vowel sign beside the consonant) take room of their own.
	 */
	private static Optional<String> marks(String display) {
		String decomposed = NFD.normalize(display);
		int marks = 0;
		for (int i = 0; i < decomposed.length(); i += Character.charCount(decomposed.codePointAt(i))) {
			int type = UCharacter.getType(decomposed.codePointAt(i));
			boolean mark = type == UCharacterCategory.NON_SPACING_MARK
					|| type == UCharacterCategory.COMBINING_SPACING_MARK;
			if (mark && i == 0) {
				return Optional.of("must not begin with an accent or other combining mark");
			}
			marks = !mark ? 0 : (type == UCharacterCategory.NON_SPACING_MARK) ? marks + 1 : marks;
			if (marks > MAX_MARKS_PER_LETTER) {
				return Optional.of("may have at most " + MAX_MARKS_PER_LETTER + " accents on one letter");
			}
		}
		return Optional.empty();
	}

	/** Digits alone, such as "12345", make a name; dots and dashes alone do not. */
	private static Optional<String> letterOrDigit(String display) {
		boolean any = display.codePoints().anyMatch((c) -> UCharacter.isLetter(c) || UCharacter.isDigit(c));
		return any ? Optional.empty() : Optional.of("must contain a letter or a digit");
	}

	private static Optional<String> spoofing(String display) {
		SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
		if (!SPOOF.failsChecks(display, result)) {
			return Optional.empty();
		}
		if ((result.checks & SpoofChecker.INVISIBLE) != 0) {
			return Optional.of("may not repeat an accent on one letter");
		}
		if ((result.checks & SpoofChecker.MIXED_NUMBERS) != 0) {
			return Optional.of("may not mix digits of different scripts");
		}
		return Optional.of(MIXES_SCRIPTS);
	}

}
