package org.loginservice.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsernameTests {

	@Test
	void sameNameInAnotherCaseWidthOrPaddingIsOneCanonicalName() {
		Username soham = Username.of("Soham");

		assertThat(Username.of(" soham ").canonical()).isEqualTo(soham.canonical());
		assertThat(Username.of("ｓｏｈａｍ").canonical()).isEqualTo(soham.canonical());
		assertThat(Username.of("SOHAM\u3000").canonical()).isEqualTo(soham.canonical());
	}

	@Test
	void displayKeepsCaseButIsTrimmedAndNormalized() {
		assertThat(Username.of("  Ｓｏｈａｍ\t").display()).isEqualTo("Soham");
	}

	@Test
	void caseFoldingCoversMoreThanAscii() {
		assertThat(Username.of("STRASSE").canonical()).isEqualTo(Username.of("straße").canonical());
		assertThat(Username.of("ΣΟΦΙΑ").canonical()).isEqualTo(Username.of("σοφια").canonical());
	}

	@Test
	void lengthCountsCharactersNotBytesOrUnits() {
		assertThat(Username.of("ab").problem()).isPresent();
		assertThat(Username.of("abc").problem()).isEmpty();
		assertThat(Username.of("ö".repeat(64)).problem()).isEmpty();
		assertThat(Username.of("ö".repeat(65)).problem()).isPresent();
		assertThat(Username.of("\uD835\uDD04".repeat(10)).problem()).isEmpty();
	}

	@Test
	void onlyLettersDigitsAndDotUnderscoreDashAt() {
		assertThat(Username.of("user.name_1-x@host").problem()).isEmpty();
		assertThat(Username.of("Zoë").problem()).isEmpty();
		assertThat(Username.of("a b c").problem()).contains("may contain only letters, digits and . _ - @");
		assertThat(Username.of("left\u202Eright").problem()).isPresent();
		assertThat(Username.of("zero\u200Bwidth").problem()).isPresent();
		assertThat(Username.of("nul\u0000name").problem()).isPresent();
		assertThat(Username.of("quote'name").problem()).isPresent();
	}

}
