package org.loginservice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How new passwords are judged and how every password is hashed.
 *
 * @param minLength fewest characters (code points after NFKC) of a new password: 15 by
 * default as NIST SP 800-63B-4 asks of single-factor passwords, 8 at the least
 * @param minStrength the zxcvbn score (0 to 4) a new password must reach; 3 means about
 * 10^10 guesses, beyond a slow-hash offline attack's reach
 * @param bcryptCost the BCrypt cost factor (log2 of the rounds): 12 takes about 0.3 s of
 * one core per hash here; raise it as hardware gets faster, lower it only in tests
 */
@ConfigurationProperties("auth.password")
public record PasswordSettings(@DefaultValue("15") int minLength, @DefaultValue("3") int minStrength,
		@DefaultValue("12") int bcryptCost) {

	/** Most characters of any password; longer ones are refused, never truncated. */
	public static final int MAX_LENGTH = 256;

	public PasswordSettings {
		if (minLength < 8 || minLength > MAX_LENGTH) {
			throw new IllegalArgumentException("auth.password.min-length must be between 8 and " + MAX_LENGTH);
		}
		if (minStrength < 0 || minStrength > 4) {
			throw new IllegalArgumentException("auth.password.min-strength must be between 0 and 4");
		}
		if (bcryptCost < 4 || bcryptCost > 31) {
			throw new IllegalArgumentException("auth.password.bcrypt-cost must be between 4 and 31");
		}
	}

}
