package org.loginservice.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterRequestTests {

	@Test
	void toStringNeverPrintsThePassword() {
		assertThat(new RegisterRequest("ada", "secret-one", "notes", null))
			.hasToString("RegisterRequest[username=ada]");
	}

}
