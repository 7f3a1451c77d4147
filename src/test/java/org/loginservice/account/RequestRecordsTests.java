package org.loginservice.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRecordsTests {

	@Test
	void requestRecordsNeverPrintAPassword() {
		assertThat(new AccountRequests.ChangePassword("secret-one", "secret-two").toString()).doesNotContain("secret");
		assertThat(new AccountRequests.DeleteAccount("secret-one").toString()).doesNotContain("secret");
	}

}
