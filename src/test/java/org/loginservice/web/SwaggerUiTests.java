package org.loginservice.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI in a real headless Chromium, under the pages' Content-Security-Policy: it
 * reads the service's document and shows every operation, with nothing refused and no
 * error. Skipped where Chromium is not installed.
 */
class SwaggerUiTests extends ApiTest {

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.open();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void swaggerUiShowsEveryOperationOfTheDocument() {
		this.browser.get("http://localhost:" + port() + "/swagger-ui.html");

		new WebDriverWait(this.browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".opblock-summary-path"), 8));
		List<String> operations = this.browser.findElements(By.cssSelector(".opblock-summary"))
			.stream()
			.map(SwaggerUiTests::operation)
			.toList();
		List<LogEntry> complaints = this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.toList();

		assertThat(operations).hasSizeGreaterThan(20).containsExactlyInAnyOrderElementsOf(documentOperations());
		assertThat(this.browser.findElements(By.cssSelector(".errors-wrapper"))).isEmpty();
		assertThat(complaints).isEmpty();
	}

	/** Every operation the document names, as "METHOD /path". */
	private List<String> documentOperations() {
		Map<String, Map<String, Object>> paths = api().get("/v3/api-docs")
			.then()
			.statusCode(200)
			.extract()
			.path("paths");
		List<String> operations = new ArrayList<>();
		paths.forEach((path, methods) -> methods.keySet()
			.forEach((method) -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
		return operations;
	}

	private static String operation(WebElement summary) {
		return summary.findElement(By.cssSelector(".opblock-summary-method")).getText() + " "
				+ summary.findElement(By.cssSelector(".opblock-summary-path")).getText();
	}

}
