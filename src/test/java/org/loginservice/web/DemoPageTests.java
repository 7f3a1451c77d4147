package org.loginservice.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo page in a real headless Chromium: register, log in, see the data, edit it, log
 * out, and see an error's detail. Skipped where Chromium is not installed.
 */
class DemoPageTests extends ApiTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium is not installed; on Debian: apt-get install chromium chromium-driver");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync");
		ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		this.browser = new ChromeDriver(driver, options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void walkTheWholeLifeOfAnAccount() {
		String name = uniqueName("browser");
		this.browser.get("http://localhost:" + port() + "/demo");

		field("username").sendKeys(name);
		field("password").sendKeys("violet-Quartz-river-92");
		field("data").sendKeys("my first notes");
		button("Register").click();
		messageIs("Registered " + name + ". Now log in.");

		button("Log in").click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account")));
		assertThat(this.browser.findElement(By.id("who")).getText()).isEqualTo(name);
		assertThat(this.browser.findElement(By.id("current-data")).getText()).isEqualTo("my first notes");

		field("data").clear();
		field("data").sendKeys("edited in the browser");
		button("Save data").click();
		messageIs("Saved.");
		assertThat(this.browser.findElement(By.id("current-data")).getText()).isEqualTo("edited in the browser");

		button("Log out").click();
		messageIs("Logged out.");
		assertThat(this.browser.findElement(By.id("account")).isDisplayed()).isFalse();

		field("username").clear();
		field("username").sendKeys(name);
		field("password").sendKeys("violet-Quartz-river-92");
		button("Register").click();
		messageIs("The username '" + name + "' is already taken");
	}

	private WebElement field(String name) {
		return this.browser.findElement(By.name(name));
	}

	private WebElement button(String label) {
		return this.browser.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
	}

	private void messageIs(String text) {
		this.wait.until(ExpectedConditions.textToBe(By.id("message"), text));
	}

}
