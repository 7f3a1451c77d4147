package org.loginservice.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loginservice.PasswordSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(new PasswordSettings(15, 3, 4));

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			aaaaaaaaaaaaaaaa | runs through repeated or consecutive characters, like aaaa or 1234
			passwordpassword | repeats a word or pattern, like catcatcat or abcabc
			abcdefghijklmnop | runs through repeated or consecutive characters, like aaaa or 1234
			1234567890123456 | is or contains one of the most common passwords
			qwertyuiopasdfgh | is or contains one of the most common passwords
			Password123456789 | is or contains one of the most common passwords
			""")
	void guessablePasswordsAreRefusedWithTheReason(String password, String reason) {
		assertThat(this.policy.problems(password, "someone")).contains(reason,
				"is too easy to guess: add a few more unusual words");
	}

	@Test
	void keyboardWalkIsRefused() {
		assertThat(this.policy.problems("zxcvbnm,./asdfgh", "someone")).isNotEmpty();
	}

	@Test
	void passwordBuiltOnTheUsernameIsRefusedWhateverItsStrength() {
		assertThat(this.policy.problems("Soham-Vq8#kLw2Rz", "soham")).containsExactly("must not contain your username");
		assertThat(this.policy.problems("ＳＯＨＡＭ-Vq8#kLw2Rz", " Soham ")).contains("must not contain your username");
	}

	@Test
	void longUnusualPassphrasesAreAccepted() {
		assertThat(this.policy.problems("violet-Quartz-river-92", "someone")).isEmpty();
		assertThat(this.policy.problems("my dog is named rex", "someone")).isEmpty();
		assertThat(this.policy.problems("彼は静かな湖のほとりをゆっくり歩いた", "someone")).isEmpty();
	}

	@Test
	void everyReasonIsListed() {
		assertThat(this.policy.problems("password", "someone")).contains("must be at least 15 characters long",
				"is or contains one of the most common passwords");
	}

	@Test
	void lengthCountsCharactersAfterNormalization() {
		String fourteen = "Vq8#kLw2Rz!mT4";
		assertThat(this.policy.problems(fourteen, "someone")).containsExactly("must be at least 15 characters long");
		assertThat(this.policy.problems(fourteen + "界", "someone")).isEmpty();
		assertThat(this.policy.problems("x".repeat(257), "someone"))
			.containsExactly("must be at most 256 characters long");
	}

	@Test
	void minimumLengthIsConfigurableDownToEight() {
		PasswordPolicy eight = new PasswordPolicy(new PasswordSettings(8, 3, 4));

		assertThat(eight.problems("Vq8#kLw2Rz", "someone")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new PasswordSettings(7, 3, 4));
	}

}
