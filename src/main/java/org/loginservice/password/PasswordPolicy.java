package org.loginservice.password;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import org.loginservice.PasswordSettings;

import org.springframework.stereotype.Component;

/**
 * What a new password must be, after NIST SP 800-63B-4 and OWASP ASVS 5: long enough, not
 * too long, and not guessable. No composition rules.
 * <p>
 * Guessability is zxcvbn's estimate: it knows the 30,000 most common passwords of breach
 * corpora, common words and names, repeats, sequences, keyboard walks and dates. Only the
 * first {@value #MEASURED_LENGTH} characters are measured, which keeps the estimate under
 * a few milliseconds; whatever follows only adds strength. A password containing the
 * username is refused whatever its score. Applied when a password is chosen, never at
 * login, so existing accounts keep working when the policy tightens.
 */
@Component
public class PasswordPolicy {

	private static final int MEASURED_LENGTH = 64;

	private final Zxcvbn zxcvbn = new Zxcvbn();

	private final PasswordSettings settings;

	public PasswordPolicy(PasswordSettings settings) {
		this.settings = settings;
	}

	/**
	 * Every reason the password is refused, in words for the person choosing it; empty if
	 * it is acceptable.
	 */
	public List<String> problems(String rawPassword, String username) {
		String password = PasswordHasher.normalize(rawPassword);
		int length = password.codePointCount(0, password.length());
		if (length > PasswordSettings.MAX_LENGTH) {
			return List.of("must be at most " + PasswordSettings.MAX_LENGTH + " characters long");
		}
		Set<String> problems = new LinkedHashSet<>();
		if (length < this.settings.minLength()) {
			problems.add("must be at least " + this.settings.minLength() + " characters long");
		}
		String name = fold(username);
		if (name.length() >= 3 && fold(password).contains(name)) {
			problems.add("must not contain your username");
		}
		String measured = password.substring(0, password.offsetByCodePoints(0, Math.min(length, MEASURED_LENGTH)));
		Strength strength = this.zxcvbn.measure(measured, List.of(name));
		if (strength.getScore() < this.settings.minStrength()) {
			problems.addAll(weaknesses(strength));
		}
		return List.copyOf(problems);
	}

	private static Set<String> weaknesses(Strength strength) {
		Set<String> weaknesses = new LinkedHashSet<>();
		for (Match match : strength.getSequence()) {
			switch (match.pattern) {
				case Dictionary -> weaknesses.add(switch (match.dictionaryName) {
					case "passwords" -> "is or contains one of the most common passwords";
					case "user_inputs" -> "must not contain your username";
					default -> "is made of common words or names";
				});
				case Repeat -> weaknesses.add("repeats a word or pattern, like catcatcat or abcabc");
				case Sequence -> weaknesses.add("runs through repeated or consecutive characters, like aaaa or 1234");
				case Spatial -> weaknesses.add("is a keyboard pattern, like qwerty");
				case Date, Regex -> weaknesses.add("contains a date or year");
				default -> {
				}
			}
		}
		weaknesses.add("is too easy to guess: add a few more unusual words");
		return weaknesses;
	}

	private static String fold(String text) {
		return PasswordHasher.normalize(text.strip()).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
	}

}
