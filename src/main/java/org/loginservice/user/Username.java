package org.loginservice.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A username as shown and as compared.
 * <p>
 * The display form is the input trimmed and NFKC-normalized, with its case kept. The
 * canonical form also folds case, so that "Soham", " soham " and the full-width "ｓｏｈａｍ"
 * are one account. Uniqueness is enforced on the canonical form, and on its
 * {@link #skeleton() skeleton}, so that two names that look alike cannot both have an
 * account.
 * <p>
 * These forms are those of the accounts already stored: a new name must also pass the
 * {@link UsernameRules} (RFC 8265 and UTS #39), which old names may not.
 *
 * @param display the name as the user chose it
 * @param canonical the name as it is looked up and kept unique
 */
public record Username(String display, String canonical) {

	static final int MIN_LENGTH = 3;

	public static final int MAX_LENGTH = 64;

	private static final Pattern UNPRINTABLE = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}]");

	public static Username of(String input) {
		String display = Normalizer.normalize(input, Normalizer.Form.NFKC).strip();
		String folded = display.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
		return new Username(display, Normalizer.normalize(folded, Normalizer.Form.NFKC));
	}

	/**
	 * The name as it may be written to a log: no control characters, no more than fits.
	 */
	public String forLog() {
		String printable = UNPRINTABLE.matcher(this.display).replaceAll("?");
		return (printable.length() > MAX_LENGTH) ? printable.substring(0, MAX_LENGTH) + "..." : printable;
	}

	/** What is wrong with this name for a new account, if anything. */
	Optional<String> problem() {
		int length = this.display.codePointCount(0, this.display.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
		}
		return UsernameRules.problem(this.display, this.canonical);
	}

	/**
	 * The UTS #39 confusable skeleton of the canonical form: names that look alike have
	 * one skeleton. Computed when asked, as only registration needs it.
	 */
	String skeleton() {
		return UsernameRules.skeleton(this.canonical);
	}

}
