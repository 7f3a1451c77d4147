package org.loginservice.passkey;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relying party that passkeys are made for. A browser binds each passkey to the
 * {@code rpId} and signs the page's origin into every ceremony, so behind a real domain
 * both must name it: {@code rp-id=login.example.com},
 * {@code origins=https://login.example.com}.
 *
 * @param rpId the domain passkeys belong to: the page's host or a registrable suffix of
 * it, never a scheme, port or path
 * @param rpName the name an authenticator shows beside the account
 * @param origins every origin ({@code scheme://host[:port]}) whose pages may create or
 * use passkeys; a ceremony from any other is refused
 * @param optionsPerAddressPerMinute how many ceremonies one address may begin a minute
 */
@ConfigurationProperties("auth.passkeys")
public record PasskeySettings(@DefaultValue("localhost") String rpId, @DefaultValue("login-service") String rpName,
		@DefaultValue("http://localhost:8080") List<String> origins,
		@DefaultValue("30") int optionsPerAddressPerMinute) {

	public PasskeySettings {
		if (rpId.isBlank() || rpId.contains("/") || rpId.contains(":")) {
			throw new IllegalArgumentException("auth.passkeys.rp-id must be a domain, such as login.example.com");
		}
		if (origins.isEmpty() || origins.stream().anyMatch((origin) -> !origin.matches("https?://[^/?#]+"))) {
			throw new IllegalArgumentException(
					"auth.passkeys.origins must be origins such as https://login.example.com, without a path");
		}
		origins = List.copyOf(origins);
	}

}
