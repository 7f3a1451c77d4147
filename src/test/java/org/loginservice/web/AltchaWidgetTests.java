package org.loginservice.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;
import org.loginservice.NodePackages;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.equalTo;

/**
 * ALTCHA's own widget, {@code altcha} 3.2.2, in a real headless Chromium, on a page of
 * another origin as a site using the service would have it: it fetches a challenge from
 * {@code GET /challenge}, solves it in its Web Workers, and its solution is taken by
 * {@code POST /register}. Every registration needs a solution here, of at least 64 keys'
 * work, so that the counter is seldom 0, which any byte order writes alike. Skipped where
 * Chromium or Node.js is not installed.
 */
@TestPropertySource(properties = { "auth.challenge.mode=adaptive",
		"auth.challenge.secret=altcha-widget-tests-secret-0123456789", "auth.challenge.cost=10",
		"auth.challenge.min-work=64", "auth.challenge.max-work=1024", "auth.challenge.free-registrations=0" })
class AltchaWidgetTests extends ApiTest {

	/**
	 * The widget's main bundle: an ES module with its styles and its workers inlined, the
	 * workers started from blob URLs, so that a page needs no bundler.
	 */
	private static final String BUNDLE = "altcha/dist/main/altcha.js";

	private static final String PASSWORD = "violet-Quartz-river-92";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The site's page, on an origin of its own, known before the service starts. */
	private static HttpServer site;

	/** The page's challenge URL is on this port. */
	private static volatile int servicePort;

	private static volatile Path bundle;

	@DynamicPropertySource
	static void allowTheSite(DynamicPropertyRegistry properties) throws IOException {
		if (site == null) {
			site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			site.createContext("/", AltchaWidgetTests::page);
			site.start();
		}
		properties.add("auth.cors.allowed-origins", () -> origin());
	}

	@AfterAll
	static void stopTheSite() {
		if (site != null) {
			site.stop(0);
		}
	}

	@Test
	void registerWithSolutionOfTheWidgetThenCreated() {
		bundle = NodePackages.modules().resolve(BUNDLE);
		servicePort = port();
		WebDriver browser = HeadlessChromium.open();
		String payload;
		try {
			browser.get(origin() + "/");
			payload = verified(browser);
			assertThat(browser.findElement(By.cssSelector("form input[name=altcha]")).getDomProperty("value"))
				.isEqualTo(payload);
		}
		finally {
			browser.quit();
		}

		JsonNode sent = JSON.readTree(Base64.getDecoder().decode(payload));
		assertThat(sent.propertyNames()).containsExactlyInAnyOrder("challenge", "solution");
		assertThat(sent.get("challenge").propertyNames()).containsExactlyInAnyOrder("parameters", "signature");
		assertThat(sent.get("solution").propertyNames()).containsExactlyInAnyOrder("counter", "derivedKey", "time");
		register(null).statusCode(403).body("reason", equalTo("missing"));
		register(payload).statusCode(201);
	}

	/**
	 * The widget's payload, once it says it is verified; a widget in error fails the test
	 * at once, with what the browser's console said.
	 */
	private static String verified(WebDriver browser) {
		String outcome;
		try {
			outcome = new WebDriverWait(browser, Duration.ofSeconds(30)).until((page) -> {
				String payload = page.findElement(By.id("verified")).getText();
				String states = page.findElement(By.id("states")).getText();
				return !payload.isEmpty() ? payload : states.contains("error") ? "" : null;
			});
		}
		catch (TimeoutException ex) {
			outcome = "";
		}
		if (outcome.isEmpty()) {
			fail("The widget did not verify; its states: %s; the page: %s; the console: %s",
					browser.findElement(By.id("states")).getText(), browser.findElement(By.tagName("body")).getText(),
					browser.manage().logs().get(LogType.BROWSER).getAll());
		}
		return outcome;
	}

	private io.restassured.response.ValidatableResponse register(String altcha) {
		return api().contentType(ContentType.JSON)
			.body((altcha != null) ? Map.of("username", uniqueName("widget"), "password", PASSWORD, "altcha", altcha)
					: Map.of("username", uniqueName("widget"), "password", PASSWORD))
			.post("/register")
			.then();
	}

	private static String origin() {
		return "http://127.0.0.1:" + site.getAddress().getPort();
	}

	/**
	 * The page, with the widget starting as it loads; and the widget's script. The page
	 * records the widget's states and the payload of its {@code verified} event.
	 */
	private static void page(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			String type;
			if (exchange.getRequestURI().getPath().equals("/altcha.js")) {
				body = Files.readAllBytes(bundle);
				type = "text/javascript";
			}
			else {
				body = """
						<!DOCTYPE html>
						<html lang="en">
						<head><meta charset="utf-8"><title>A site with the ALTCHA widget</title>
						<script type="module" src="/altcha.js"></script></head>
						<body>
						<form>
						<altcha-widget auto="onload" name="altcha"
							challenge="http://127.0.0.1:%d/challenge?for=register"></altcha-widget>
						</form>
						<p id="states"></p>
						<p id="verified"></p>
						<script>
						const widget = document.querySelector('altcha-widget');
						widget.addEventListener('statechange', (event) => {
							document.getElementById('states').textContent += event.detail.state + ' ';
						});
						widget.addEventListener('verified', (event) => {
							document.getElementById('verified').textContent = event.detail.payload;
						});
						</script>
						</body>
						</html>
						""".formatted(servicePort).getBytes(StandardCharsets.UTF_8);
				type = "text/html; charset=utf-8";
			}
			exchange.getResponseHeaders().set("Content-Type", type);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

}
