package org.loginservice.user;

import java.util.Optional;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterDirection;

/**
 * The Bidi Rule of RFC 5893, as RFC 8265 applies it to names holding right-to-left
 * characters. Without it, a name mixing directions can be shown in more than one order,
 * and two names can be shown alike: "abc" before or after "שלום" reads the same on
 * screen.
 */
final class BidiRule {

	private BidiRule() {
	}

	static Optional<String> problem(String name) {
		if (name.codePoints().noneMatch(BidiRule::rightToLeft)) {
			return Optional.empty();
		}
		// Rule 2: nothing left-to-right (nor of a class such as a space, refused anyway).
		if (name.codePoints().anyMatch((c) -> !allowed(direction(c)))) {
			return Optional.of("may not mix right-to-left and left-to-right letters");
		}
		// Rule 1: a right-to-left letter first (rule 2 has ruled out a left-to-right
		// one).
		int first = direction(name.codePointAt(0));
		if (first != UCharacterDirection.RIGHT_TO_LEFT && first != UCharacterDirection.RIGHT_TO_LEFT_ARABIC) {
			return Optional.of("must begin with a letter when written right to left");
		}
		// Rule 3: ends with a letter or digit, and any marks after it.
		int last = name.length();
		while (last > 0 && direction(name.codePointBefore(last)) == UCharacterDirection.DIR_NON_SPACING_MARK) {
			last -= Character.charCount(name.codePointBefore(last));
		}
		int end = direction(name.codePointBefore(last));
		if (!rightToLeft(name.codePointBefore(last)) && end != UCharacterDirection.EUROPEAN_NUMBER) {
			return Optional.of("must end with a letter or a digit when written right to left");
		}
		// Rule 4: not both kinds of digits, which are laid out differently.
		if (name.codePoints().anyMatch((c) -> direction(c) == UCharacterDirection.EUROPEAN_NUMBER)
				&& name.codePoints().anyMatch((c) -> direction(c) == UCharacterDirection.ARABIC_NUMBER)) {
			return Optional.of("may not mix European and Arabic-Indic digits");
		}
		return Optional.empty();
	}

	/** Bidi classes R, AL and AN make a name right-to-left. */
	private static boolean rightToLeft(int c) {
		int direction = direction(c);
		return direction == UCharacterDirection.RIGHT_TO_LEFT || direction == UCharacterDirection.RIGHT_TO_LEFT_ARABIC
				|| direction == UCharacterDirection.ARABIC_NUMBER;
	}

	private static boolean allowed(int direction) {
		return switch (direction) {
			case UCharacterDirection.RIGHT_TO_LEFT, UCharacterDirection.RIGHT_TO_LEFT_ARABIC,
					UCharacterDirection.ARABIC_NUMBER, UCharacterDirection.EUROPEAN_NUMBER,
					UCharacterDirection.EUROPEAN_NUMBER_SEPARATOR, UCharacterDirection.COMMON_NUMBER_SEPARATOR,
					UCharacterDirection.EUROPEAN_NUMBER_TERMINATOR, UCharacterDirection.OTHER_NEUTRAL,
					UCharacterDirection.BOUNDARY_NEUTRAL, UCharacterDirection.DIR_NON_SPACING_MARK ->
				true;
			default -> false;
		};
	}

	private static int direction(int c) {
		return UCharacter.getDirection(c);
	}

}
