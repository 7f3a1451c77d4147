package org.loginservice.web;

import java.time.Duration;
import java.util.List;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.junit.jupiter.api.Test;
import org.loginservice.MutableClock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page's second factor in a real headless Chromium: turning it on with the QR
 * code and the secret the page shows, confirming it, the two-step login with a code or a
 * recovery code, and turning it off. The codes come from an authenticator that shares no
 * code with the service's ({@code dev.samstevens.totp}), fed only with the secret as the
 * page shows it, at the time of the application's clock, which the test moves.
 */
@Import(MutableClock.Config.class)
class DemoPageSecondFactorTests extends DemoPageTest {

	private static final String PASSWORD = "violet-Quartz-river-92";

	private static final Duration STEP = Duration.ofSeconds(30);

	private static final String MASKED = "\"••••••\"";

	/** A token as the page shows it: its first 6 characters, then an ellipsis. */
	private static final String SHORT_TOKEN = "[A-Za-z0-9_-]{6}…";

	/** The authenticator's secret as the exchanges show it. */
	private static final String SHORT_SECRET = "[A-Z2-7]{6}…";

	private static final String RECOVERY_CODE = "[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}";

	private static final DefaultCodeGenerator authenticator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	@Autowired
	private MutableClock clock;

	@Test
	void turnOnASecondFactorLogInWithACodeOrARecoveryCodeAndTurnItOff() {
		String name = uniqueName("browser-totp");
		type("username", name);
		type("password", PASSWORD);
		run("register");
		assertThat(answer("register")).startsWith("201 Created\n");
		run("login");
		assertThat(answer("login")).startsWith("200 OK\n");
		assertThat(browser().findElement(By.id("second-step")).isDisplayed()).isFalse();

		run("totp");
		assertThat(request("totp")).startsWith("POST /me/totp\nContent-Type: application/json\nAuthorization: Bearer ")
			.contains("\"password\": " + MASKED);
		assertThat(answer("totp")).startsWith("200 OK\n")
			.containsPattern("\"secret\": \"" + SHORT_SECRET + "\"")
			.containsPattern("\"otpauthUri\": \"otpauth://totp/login-service:" + name + "\\?secret=" + SHORT_SECRET
					+ "&issuer=login-service&algorithm=SHA1&digits=6&period=30\"")
			.contains("\"qrCode\": \"data:image/svg+xml;base64,…\"");
		WebElement qrCode = browser().findElement(By.id("qr-code"));
		assertThat(qrCode.isDisplayed()).isTrue();
		// A promise that rejects when the browser cannot decode the image.
		assertThat((Long) script("return arguments[0].decode().then(() => arguments[0].naturalWidth);", qrCode))
			.isPositive();
		String secret = text("totp-secret");
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(text("otpauth-uri")).startsWith("otpauth://totp/login-service:" + name + "?secret=" + secret + "&");
		assertThat(request("totp") + answer("totp")).doesNotContain(secret);

		type("confirmCode", code(secret));
		run("confirm-totp");
		assertThat(request("confirm-totp")).startsWith("POST /me/totp/confirm\n").contains("\"code\": " + MASKED);
		String confirmed = answer("confirm-totp");
		assertThat(confirmed).startsWith("200 OK\n").contains("\"recoveryCodes\": [");
		List<String> recoveryCodes = browser().findElements(By.cssSelector("#confirm-totp .recovery-codes li"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates().allMatch((code) -> code.matches(RECOVERY_CODE));
		assertThat(recoveryCodes).allMatch(confirmed::contains);
		assertThat(browser().findElement(By.cssSelector("#confirm-totp .recovery-codes")).getText())
			.contains("shown once");
		assertThat(browser().findElement(By.id("enrolment")).isDisplayed()).isFalse();
		// The code is accepted once: the next login takes the next one.
		this.clock.advance(STEP);

		run("logout");
		assertThat(answer("logout")).isEqualTo("204 No Content\n\n(no body)");
		run("login");
		assertThat(answer("login")).startsWith("200 OK\n")
			.contains("\"mfaRequired\": true")
			.containsPattern("\"mfaToken\": \"" + SHORT_TOKEN + "\"")
			.doesNotContain("\"token\"", "\"data\"");
		assertThat(text("message")).contains("second factor on", "no token yet", "step 2b");
		assertThat(text("token-state")).isEqualTo("Token in memory: none");
		assertThat(text("mfa-token-state")).matches("mfaToken in memory: " + SHORT_TOKEN + " \\(for step 2b, until "
				+ this.clock.instant().plus(Duration.ofMinutes(5)) + "\\)");
		assertThat(browser().findElement(By.id("second-step")).isDisplayed()).isTrue();

		type("loginCode", code(secret));
		run("second-step");
		assertThat(request("second-step")).startsWith("POST /login/totp\nContent-Type: application/json\n\n{")
			.containsPattern("\"mfaToken\": \"" + SHORT_TOKEN + "\"")
			.contains("\"code\": " + MASKED);
		assertThat(answer("second-step")).startsWith("200 OK\n")
			.contains("\"username\": \"" + name + "\"", "\"tokenType\": \"Bearer\"")
			.containsPattern("\"token\": \"" + SHORT_TOKEN + "\"");
		assertThat(text("token-state")).matches("Token in memory: " + SHORT_TOKEN + " .*");
		assertThat(browser().findElement(By.id("mfa-token-state")).isDisplayed()).isFalse();
		run("read");
		assertThat(answer("read")).startsWith("200 OK\n").contains("\"totp\": true", "\"recoveryCodesLeft\": 10");

		run("logout");
		assertThat(answer("logout")).isEqualTo("204 No Content\n\n(no body)");
		run("login");
		assertThat(answer("login")).contains("\"mfaRequired\": true");
		String recoveryCode = recoveryCodes.get(3).toLowerCase();
		field("loginCode").clear();
		type("loginCode", recoveryCode);
		useRecoveryCode();
		assertThat(request("second-step")).startsWith("POST /login/recovery\n")
			.contains("\"code\": " + MASKED)
			.doesNotContain(recoveryCode);
		assertThat(answer("second-step")).startsWith("200 OK\n").containsPattern("\"token\": \"" + SHORT_TOKEN + "\"");
		assertThat(text("token-state")).matches("Token in memory: " + SHORT_TOKEN + " .*");

		run("login");
		assertThat(answer("login")).contains("\"mfaRequired\": true");
		useRecoveryCode();
		assertThat(answer("second-step")).startsWith("401 Unauthorized\n")
			.contains("Content-Type: application/problem+json", "\"type\": \"/problems/invalid-code\"");
		assertThat(text("message")).startsWith("POST /login/recovery: 401 Unauthorized — ");
		assertThat(text("mfa-token-state")).startsWith("mfaToken in memory: ");

		run("recovery-codes");
		assertThat(request("recovery-codes")).contains("\"password\": " + MASKED);
		String renewed = answer("recovery-codes");
		assertThat(renewed).startsWith("200 OK\n").contains("\"recoveryCodes\": [");
		assertThat(browser().findElements(By.cssSelector("#recovery-codes .recovery-codes li")))
			.extracting(WebElement::getText)
			.hasSize(10)
			.allMatch((code) -> code.matches(RECOVERY_CODE) && renewed.contains(code))
			.doesNotContainAnyElementsOf(recoveryCodes);
		assertThat(browser().findElement(By.cssSelector("#confirm-totp .recovery-codes")).isDisplayed()).isFalse();

		// The last code from the app was taken at login, in this step.
		this.clock.advance(STEP);
		type("disableCode", code(secret));
		run("disable-totp");
		assertThat(request("disable-totp"))
			.startsWith("DELETE /me/totp\nContent-Type: application/json\nAuthorization: Bearer ")
			.contains("\"password\": " + MASKED, "\"code\": " + MASKED);
		assertThat(answer("disable-totp")).isEqualTo("204 No Content\n\n(no body)");
		run("read");
		assertThat(answer("read")).startsWith("200 OK\n").contains("\"totp\": false", "\"recoveryCodesLeft\": 0");

		assertThat(browser().getPageSource()).doesNotContain(PASSWORD).doesNotContain(secret);
	}

	private void useRecoveryCode() {
		browser().findElement(By.cssSelector("#second-step button[data-step=login-recovery]")).click();
	}

	/** The authenticator's code at the application's time. */
	private String code(String secret) {
		try {
			return authenticator.generate(secret,
					Math.floorDiv(this.clock.instant().getEpochSecond(), STEP.toSeconds()));
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
