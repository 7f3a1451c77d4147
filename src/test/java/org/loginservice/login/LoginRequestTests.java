package org.loginservice.login;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginRequestTests {

	@Test
	void loginRequestNeverPrintsThePassword() {
		assertThat(new LoginRequest("ada", "secret-one", null)).hasToString("LoginRequest[username=ada]");
	}

}
