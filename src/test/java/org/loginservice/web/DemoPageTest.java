package org.loginservice.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.loginservice.ApiTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the tests of the demo page: the page open in a real headless Chromium, and what
 * a user does and sees on it. Skipped where Chromium is not installed.
 */
abstract class DemoPageTest extends ApiTest {

	/**
	 * Keeps every state the proof-of-work box goes through after the page has loaded, as
	 * {@code hidden|value/max|text}: solving at a low cost takes milliseconds, too short
	 * to poll.
	 */
	private static final String RECORD_CHALLENGE_STATES = """
			const box = document.getElementById("challenge");
			const progress = document.getElementById("challenge-progress");
			const state = () => `${box.hidden}|${progress.value}/${progress.max}|${box.textContent.trim()}`;
			let last = state();
			window.challengeStates = [];
			new MutationObserver(() => {
				if (state() !== last) {
					last = state();
					window.challengeStates.push(last);
				}
			}).observe(box, { attributes: true, childList: true, characterData: true, subtree: true });
			""";

	/**
	 * Keeps the URL of every request the page's script sends: Resource Timing has no
	 * entry for a response whose body nobody reads.
	 */
	private static final String RECORD_REQUESTS = """
			const fetchOfThePage = window.fetch;
			window.requested = [];
			window.fetch = (url, options) => {
				window.requested.push(String(url));
				return fetchOfThePage(url, options);
			};
			""";

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.open();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		this.browser.get("http://localhost:" + port() + "/demo");
		script(RECORD_CHALLENGE_STATES);
		script(RECORD_REQUESTS);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	protected WebDriver browser() {
		return this.browser;
	}

	protected WebElement field(String name) {
		return this.browser.findElement(By.name(name));
	}

	protected void type(String name, String text) {
		field(name).sendKeys(text);
	}

	/**
	 * Clicks a step's button. The page marks the step busy and shows the request and
	 * "waiting…" before the click returns, so {@link #answer} never reads the answer of
	 * an earlier click.
	 */
	protected void run(String step) {
		this.browser.findElement(By.cssSelector("#" + step + " button")).click();
	}

	protected String request(String step) {
		return this.browser.findElement(By.cssSelector("#" + step + " .request")).getText();
	}

	/** The last answer of a step, once the step is done. */
	protected String answer(String step) {
		By section = By.id(step);
		By response = By.cssSelector("#" + step + " .response");
		return this.wait.until((browser) -> {
			if (browser.findElement(section).getDomAttribute("aria-busy") != null) {
				return null;
			}
			String text = browser.findElement(response).getText();
			return text.equals("waiting…") ? null : text;
		});
	}

	protected String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	/** The states of the proof-of-work box since the page was opened, oldest first. */
	@SuppressWarnings("unchecked")
	protected List<String> challengeStates() {
		return (List<String>) script("return window.challengeStates;");
	}

	/** The URL of every request the page's script has sent since it loaded, in order. */
	@SuppressWarnings("unchecked")
	protected List<String> requested() {
		return (List<String>) script("return window.requested;");
	}

	protected Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.browser).executeScript(script, arguments);
	}

}
