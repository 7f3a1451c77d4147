package org.loginservice.passkey;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A relying party no browser would accept stops the service at start. */
class PasskeySettingsTests {

	@Test
	void aDomainAndItsOriginsAreAccepted() {
		PasskeySettings settings = new PasskeySettings("login.example.com", "Example",
				List.of("https://login.example.com", "https://app.example.com:8443"), 30);

		assertThat(settings.origins()).containsExactly("https://login.example.com", "https://app.example.com:8443");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "https://login.example.com", "login.example.com:8443", "example.com/login" })
	void anRpIdThatIsNotADomainIsRefused(String rpId) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PasskeySettings(rpId, "Example", List.of("https://login.example.com"), 30))
			.withMessageContaining("auth.passkeys.rp-id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "login.example.com", "https://login.example.com/", "https://login.example.com/app",
			"ftp://login.example.com" })
	void anOriginThatIsNotAnOriginIsRefused(String origin) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PasskeySettings("login.example.com", "Example", List.of(origin), 30))
			.withMessageContaining("auth.passkeys.origins");
	}

	@Test
	void noOriginIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PasskeySettings("login.example.com", "Example", List.of(), 30));
	}

}
