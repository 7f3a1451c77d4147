package org.loginservice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How passwords are hashed.
 *
 * @param bcryptCost the BCrypt cost factor (log2 of the rounds): 12 takes about 0.3 s of
 * one core per hash here; raise it as hardware gets faster, lower it only in tests
 */
@ConfigurationProperties("auth.password")
public record PasswordSettings(@DefaultValue("12") int bcryptCost) {

	public PasswordSettings {
		if (bcryptCost < 4 || bcryptCost > 31) {
			throw new IllegalArgumentException("auth.password.bcrypt-cost must be between 4 and 31");
		}
	}

}
