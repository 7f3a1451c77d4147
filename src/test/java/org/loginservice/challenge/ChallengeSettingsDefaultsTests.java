package org.loginservice.challenge;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loginservice.challenge.ChallengeSettings.Mode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The record's own defaults are the README's, so that a deployment that replaces
 * {@code application.properties} keeps the documented challenges; a value that makes no
 * sense stops the start.
 */
class ChallengeSettingsDefaultsTests {

	@Test
	void withNoPropertiesTheChallengesAreTheReadmes() {
		assertThat(bind(Map.of())).isEqualTo(
				new ChallengeSettings(Mode.ADAPTIVE, null, Duration.ofMinutes(5), 5000, 500, 16000, 3, 3, 300, 30));
	}

	@Test
	void aShortSecretOrAnEmptyRangeOfWorkIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ChallengeSettings(Mode.ADAPTIVE, "short", Duration.ofMinutes(5), 5000, 500, 16000, 3,
					3, 300, 30))
			.withMessageContaining("auth.challenge.secret");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new ChallengeSettings(Mode.ADAPTIVE, null, Duration.ofMinutes(5), 5000, 500, 400, 3, 3, 300, 30))
			.withMessageContaining("min-work");
		assertThat(bind(Map.of("auth.challenge.secret", " ")).secret()).isNull();
	}

	private static ChallengeSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("auth.challenge",
				ChallengeSettings.class);
	}

}
