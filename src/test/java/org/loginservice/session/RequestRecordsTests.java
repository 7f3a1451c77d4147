package org.loginservice.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRecordsTests {

	@Test
	void requestRecordsNeverPrintAPassword() {
		assertThat(new LoginRequest("ada", "secret-one", null)).hasToString("LoginRequest[username=ada]");
		assertThat(new AccountRequests.ChangePassword("secret-one", "secret-two").toString()).doesNotContain("secret");
		assertThat(new AccountRequests.DeleteAccount("secret-one").toString()).doesNotContain("secret");
	}

}
