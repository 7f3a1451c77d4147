package org.loginservice.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The demo page's passkeys in a real headless Chromium, with the virtual authenticator of
 * the Chrome DevTools Protocol (CTAP2, built in, with resident keys and a user it always
 * verifies): adding one, logging in with it alone, listing and deleting it; the assertion
 * the browser sent is good once; a page on another host than the relying party's gets
 * nothing from the browser.
 * <p>
 * The browser signs the page's origin into every ceremony, and the service refuses any
 * origin it was not told of; the default names port 8080. So the port is chosen here,
 * before the application starts, and both the server's port and the passkeys' origin are
 * set to it (a dynamic property beats the random port of {@code @SpringBootTest}).
 */
class DemoPagePasskeyTests extends DemoPageTest {

	private static final int PORT = freePort();

	private static final String PASSWORD = "violet-Quartz-river-92";

	/** A token, or a binary field of a passkey, as the page shows it. */
	private static final String SHORT = "[A-Za-z0-9_-]{6}…";

	/** A challenge of a passkey ceremony: 32 bytes, shown in full as the page does. */
	private static final String CHALLENGE = "[A-Za-z0-9_-]{43}";

	/**
	 * Keeps, for each request the page's script sends about passkeys, its path, body,
	 * status and answer: what the browser made is only ever in the page's memory.
	 */
	private static final String RECORD_PASSKEY_EXCHANGES = """
			const fetchOfThePage = window.fetch;
			window.passkeyExchanges = [];
			window.fetch = async (url, options) => {
				const response = await fetchOfThePage(url, options);
				if (String(url).includes("/passkey")) {
					window.passkeyExchanges.push({ path: String(url), body: options?.body ?? null,
							status: response.status, answer: await response.clone().text() });
				}
				return response;
			};
			""";

	private String authenticator;

	@DynamicPropertySource
	static void originOfThePage(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
		properties.add("auth.passkeys.origins", () -> "http://localhost:" + PORT);
	}

	@BeforeEach
	void addVirtualAuthenticator() {
		cdp("WebAuthn.enable", Map.of());
		this.authenticator = (String) cdp("WebAuthn.addVirtualAuthenticator",
				Map.of("options", Map.of("protocol", "ctap2", "transport", "internal", "hasResidentKey", true,
						"hasUserVerification", true, "isUserVerified", true, "automaticPresenceSimulation", true)))
			.get("authenticatorId");
		script(RECORD_PASSKEY_EXCHANGES);
	}

	@Test
	void addAPasskeyLogInWithItAloneReadTheAccountThenDeleteItAndItNoLongerLogsIn() {
		assertThat(port()).isEqualTo(PORT);
		String name = uniqueName("browser-passkey");
		registerAndLogIn(name);

		type("passkeyLabel", "Virtual authenticator");
		run("add-passkey");
		assertThat(request("add-passkey", 0))
			.matches("POST /me/passkeys/options\nAuthorization: Bearer " + SHORT + "\n\n\\(no body\\)");
		assertThat(answer("add-passkey", 0)).startsWith("200 OK\n")
			.containsPattern("\"challenge\": \"" + CHALLENGE + "\"")
			.contains("\"name\": \"" + name + "\"", "\"residentKey\": \"required\"", "\"excludeCredentials\": []");
		assertThat(request("add-passkey", 1))
			.startsWith("POST /me/passkeys\nContent-Type: application/json\nAuthorization: Bearer ")
			.contains("\"label\": \"Virtual authenticator\"", "\"type\": \"public-key\"")
			.containsPattern("\"attestationObject\": \"" + SHORT + "\"")
			.containsPattern("\"clientDataJSON\": \"" + SHORT + "\"");
		assertThat(answer("add-passkey", 1)).startsWith("201 Created\n")
			.contains("\"label\": \"Virtual authenticator\"");
		String id = JsonPath.from(exchanges("/me/passkeys").get(0).get("answer").toString()).getString("id");
		assertThat(answer("add-passkey", 1)).contains("\"id\": \"" + id + "\"");
		List<Map<String, Object>> held = credentialsOfTheAuthenticator();
		assertThat(held).singleElement()
			.satisfies((credential) -> assertThat(credential).containsEntry("rpId", "localhost")
				.containsEntry("isResidentCredential", true)
				.containsEntry("credentialId", standardBase64(id)));

		run("logout");
		assertThat(answer("logout")).isEqualTo("204 No Content\n\n(no body)");
		field("username").clear();
		field("password").clear();

		run("passkey-login");
		assertThat(request("passkey-login", 0)).isEqualTo("POST /login/passkey/options\n\n(no body)");
		assertThat(answer("passkey-login", 0)).startsWith("200 OK\n")
			.containsPattern("\"challenge\": \"" + CHALLENGE + "\"")
			.contains("\"allowCredentials\": []", "\"userVerification\": \"required\"", "\"rpId\": \"localhost\"");
		assertThat(request("passkey-login", 1)).startsWith("POST /login/passkey\nContent-Type: application/json\n\n{")
			.contains("\"id\": \"" + id + "\"")
			.containsPattern("\"authenticatorData\": \"" + SHORT + "\"")
			.containsPattern("\"signature\": \"" + SHORT + "\"");
		assertThat(answer("passkey-login", 1)).startsWith("200 OK\n")
			.contains("\"username\": \"" + name + "\"", "\"data\": \"notes of " + name + "\"",
					"\"tokenType\": \"Bearer\"")
			.containsPattern("\"token\": \"" + SHORT + "\"")
			.doesNotContain("mfaRequired");
		assertThat(text("token-state")).matches("Token in memory: " + SHORT + " .*");
		String token = JsonPath.from(lastExchange("/login/passkey").get("answer").toString()).getString("token");

		run("read");
		assertThat(request("read")).matches("GET /me\nAuthorization: Bearer " + SHORT + "\n\n\\(no body\\)");
		assertThat(answer("read")).startsWith("200 OK\n").contains("\"username\": \"" + name + "\"");
		api().auth().oauth2(token).get("/me").then().statusCode(200).body("username", equalTo(name));

		run("passkeys");
		assertThat(request("passkeys", 0)).startsWith("GET /me/passkeys\nAuthorization: Bearer ");
		assertThat(answer("passkeys", 0)).startsWith("200 OK\n")
			.contains("\"id\": \"" + id + "\"", "\"label\": \"Virtual authenticator\"")
			.containsPattern("\"lastUsedAt\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z\"");
		WebElement listed = browser().findElement(By.cssSelector("#passkey-list li"));
		assertThat(listed.getText()).matches("Virtual authenticator added \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ, "
				+ "last used \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ Delete");

		listed.findElement(By.cssSelector("button[data-passkey]")).click();
		assertThat(request("passkeys", 1)).startsWith("DELETE /me/passkeys/" + id + "\nAuthorization: Bearer ");
		assertThat(answer("passkeys", 1)).isEqualTo("204 No Content\n\n(no body)");
		assertThat(request("passkeys", 0)).startsWith("GET /me/passkeys\n");
		assertThat(text("passkey-list")).isEqualTo("None: add one in step 9.");

		run("passkey-login");
		assertThat(answer("passkey-login", 1)).startsWith("401 Unauthorized\n")
			.contains("Content-Type: application/problem+json", "\"type\": \"/problems/invalid-passkey\"");
		assertThat(text("message")).startsWith("POST /login/passkey: 401 Unauthorized — ");
		// The authenticator still offers it: the service alone forgot it.
		assertThat(credentialsOfTheAuthenticator()).hasSize(1);
		assertThat(text("token-state"))
			.isEqualTo("Token in memory: " + token.substring(0, 6) + "… (sent with every call below)");

		String page = browser().getPageSource();
		assertThat(page).doesNotContain(PASSWORD).doesNotContain(token);
		for (Map<String, Object> exchange : exchanges("/login/passkey")) {
			JsonPath sent = JsonPath.from(exchange.get("body").toString());
			assertThat(page).doesNotContain(sent.getString("credential.response.signature"))
				.doesNotContain(sent.getString("credential.response.clientDataJSON"));
		}
	}

	@Test
	void theAssertionTheBrowserSentIsRefusedWhenSentAgain() {
		registerAndLogIn(uniqueName("browser-replay"));
		run("add-passkey");
		assertThat(answer("add-passkey", 1)).startsWith("201 Created\n");
		run("logout");
		assertThat(answer("logout")).startsWith("204 No Content\n");

		run("passkey-login");
		assertThat(answer("passkey-login", 1)).startsWith("200 OK\n");
		Map<String, Object> login = lastExchange("/login/passkey");
		assertThat(login).containsEntry("status", 200L);

		api().contentType(ContentType.JSON)
			.body(login.get("body").toString())
			.post("/login/passkey")
			.then()
			.statusCode(401)
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/invalid-passkey"));
	}

	@Test
	void aPageOnAnotherHostThanTheRelyingPartyCannotUseThePasskeys() {
		browser().get("http://127.0.0.1:" + PORT + "/demo");
		script(RECORD_PASSKEY_EXCHANGES);

		run("passkey-login");
		assertThat(answer("passkey-login", 0)).startsWith("200 OK\n").contains("\"rpId\": \"localhost\"");
		assertThat(text("message")).isEqualTo("navigator.credentials.get(): SecurityError — "
				+ "this page's host is not the service's relying party (auth.passkeys.rp-id)");
		assertThat(browser().findElements(By.cssSelector("#passkey-login .exchange"))).hasSize(1);
		assertThat(exchanges("/login/passkey")).isEmpty();
	}

	private void registerAndLogIn(String name) {
		type("username", name);
		type("password", PASSWORD);
		type("data", "notes of " + name);
		run("register");
		assertThat(answer("register")).startsWith("201 Created\n");
		run("login");
		assertThat(answer("login")).startsWith("200 OK\n");
	}

	/** The request of one of a step's exchanges, once the step is done. */
	private String request(String step, int part) {
		return exchange(step, part).findElement(By.className("request")).getText();
	}

	/** The answer of one of a step's exchanges, once the step is done. */
	private String answer(String step, int part) {
		return exchange(step, part).findElement(By.className("response")).getText();
	}

	private WebElement exchange(String step, int part) {
		By section = By.id(step);
		By exchanges = By.cssSelector("#" + step + " .exchange");
		return new WebDriverWait(browser(), Duration.ofSeconds(20)).until((browser) -> {
			if (browser.findElement(section).getDomAttribute("aria-busy") != null) {
				return null;
			}
			List<WebElement> shown = browser.findElements(exchanges);
			return (shown.size() > part) ? shown.get(part) : null;
		});
	}

	/** What the page sent to a path and got back, oldest first. */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> exchanges(String path) {
		List<Map<String, Object>> all = (List<Map<String, Object>>) script("return window.passkeyExchanges;");
		return all.stream().filter((exchange) -> exchange.get("path").equals(path)).toList();
	}

	private Map<String, Object> lastExchange(String path) {
		List<Map<String, Object>> exchanges = exchanges(path);
		assertThat(exchanges).isNotEmpty();
		return exchanges.get(exchanges.size() - 1);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> credentialsOfTheAuthenticator() {
		return (List<Map<String, Object>>) cdp("WebAuthn.getCredentials", Map.of("authenticatorId", this.authenticator))
			.get("credentials");
	}

	private Map<String, Object> cdp(String command, Map<String, Object> parameters) {
		return ((HasCdp) browser()).executeCdpCommand(command, parameters);
	}

	/**
	 * The protocol gives credential ids in base64 with padding; WebAuthn in base64url.
	 */
	private static String standardBase64(String base64url) {
		return Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(base64url));
	}

	/**
	 * A port nothing listens on now. Another process could take it before the application
	 * does, which would fail the start loudly, not the tests quietly.
	 */
	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
