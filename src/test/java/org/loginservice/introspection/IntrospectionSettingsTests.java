package org.loginservice.introspection;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IntrospectionSettingsTests {

	private static final String SECRET = "q7+Jm/2x9kVbE4wYtR1nZ8cLpH3sD6fG0aUoIeWq5Ts=";

	@Test
	void noClientsTurnIntrospectionOff() {
		assertThat(new IntrospectionSettings(null).enabled()).isFalse();
		assertThat(new IntrospectionSettings(Map.of()).enabled()).isFalse();
		assertThat(new IntrospectionSettings(Map.of("orders-api", SECRET)).enabled()).isTrue();
	}

	@Test
	void aShortSecretIsRefusedNamingTheClientButNotTheSecret() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IntrospectionSettings(Map.of("orders", "thirty-one characters, no more.")))
			.withMessageContaining("auth.introspection.clients.orders")
			.withMessageContaining("openssl rand -base64 32")
			.withMessageNotContaining("thirty-one");
	}

	@Test
	void aNameThatCouldNotBeLoggedAsItIsIsRefused() {
		for (String name : new String[] { "", "-", "orders api", "orders:api", "x".repeat(65), "orders\napi" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new IntrospectionSettings(Map.of(name, SECRET)));
		}
	}

	@Test
	void theSecretsStayOutOfTheSettingsText() {
		assertThat(new IntrospectionSettings(Map.of("orders", SECRET)))
			.hasToString("IntrospectionSettings[clients=[orders]]");
	}

}
