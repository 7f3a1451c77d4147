package org.loginservice.throttle;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loginservice.ThrottleSettings;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record's own defaults are the README's too, so that a deployment that replaces
 * {@code application.properties} (or drops a line of it) keeps the documented limits. The
 * limits of {@code application.properties} are tested over HTTP, in
 * {@link ShippedAddressLimitsTests} and {@link ThrottleTests}.
 */
class ThrottleSettingsDefaultsTests {

	@Test
	void withNoPropertiesTheLimitsAreTheReadmes() {
		ThrottleSettings defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("auth.throttle", ThrottleSettings.class);

		assertThat(defaults).isEqualTo(new ThrottleSettings(5, Duration.ofSeconds(1), Duration.ofMinutes(15), 30,
				Duration.ofMinutes(1), 100, Duration.ofHours(1)));
	}

}
