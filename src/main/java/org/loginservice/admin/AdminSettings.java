package org.loginservice.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admin API, on the management port only.
 *
 * @param token the bearer token the admin API takes, a long random secret
 * ({@code openssl rand -base64 32}); the API is off while it is unset
 */
@ConfigurationProperties("auth.admin")
public record AdminSettings(String token) {

	public AdminSettings {
		if (token != null && !token.isBlank() && token.strip().length() < 32) {
			throw new IllegalArgumentException("auth.admin.token must be at least 32 characters long");
		}
		token = (token != null && !token.isBlank()) ? token.strip() : null;
	}

	@Override
	public String toString() {
		return "AdminSettings[token=" + ((this.token != null) ? "(set)" : "(unset)") + "]";
	}

}
