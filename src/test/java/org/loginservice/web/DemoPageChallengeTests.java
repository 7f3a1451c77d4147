package org.loginservice.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page when the service asks for a proof of work: it solves the challenge itself
 * with Web Crypto, showing its progress, and sends the request again with the solution.
 * Every registration and every login here needs one, and a cheap one.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "auth.challenge.mode=adaptive", "auth.challenge.free-registrations=0",
		"auth.challenge.free-failed-logins=0", "auth.challenge.cost=50", "auth.challenge.min-work=64",
		"auth.challenge.max-work=256" })
class DemoPageChallengeTests extends DemoPageTest {

	private static final String PASSWORD = "violet-Quartz-river-92";

	/** The progress bar's state while solving: visible, part of the work done. */
	private static final String SOLVING = "false\\|\\d+/(64|128|256)\\|Proving this is not a bot: \\d{1,2} %";

	/** Its state once solved: full, with the key found and the time taken. */
	private static final String SOLVED = "false\\|(64|128|256)/\\1\\|Proved this is not a bot: key \\d+ of at most \\1, in \\d+ ms";

	/**
	 * Fetches the first challenges of a registration (as many as the argument says) for a
	 * login instead: their solutions are refused as for the wrong purpose.
	 */
	private static final String ASK_FOR_LOGIN_CHALLENGES = """
			const fetchOfThePage = window.fetch;
			let left = arguments[0];
			window.fetch = (url, options) => fetchOfThePage(
					url.startsWith("/challenge?for=register") && left-- > 0 ? "/challenge?for=login" : url, options);
			""";

	@Test
	void registerAndLogInWhenChallengesAskedThenPageSolvesThemShowingProgress(CapturedOutput output) {
		String name = uniqueName("solver");
		type("username", name);
		type("password", PASSWORD);

		run("register");
		assertThat(answer("register")).startsWith("201 Created\n").contains("\"username\": \"" + name + "\"");
		assertThat(request("register")).contains("\"altcha\": \"eyJjaG…\"");
		assertThat(requested()).containsExactly("/register", "/challenge?for=register", "/register");
		assertSolvedOnceShowingProgress(challengeStates());
		assertThat(output).contains("challenge outcome=solved purpose=register");

		script("window.challengeStates.length = 0; window.requested.length = 0;");
		run("login");
		assertThat(answer("login")).startsWith("200 OK\n").contains("\"username\": \"" + name + "\"");
		assertThat(text("token-state")).startsWith("Token in memory: ");
		assertThat(requested()).containsExactly("/login", "/challenge?for=login&username=" + name, "/login");
		assertSolvedOnceShowingProgress(challengeStates());
		assertThat(output).contains("challenge outcome=solved purpose=login");

		run("read");
		assertThat(answer("read")).startsWith("200 OK\n");
		assertThat(text("challenge")).isEmpty();
		assertThat(challengeStates()).last().asString().startsWith("true|");
	}

	@Test
	void registerWhenFirstSolutionRefusedThenPageSolvesAnotherOne(CapturedOutput output) {
		script(ASK_FOR_LOGIN_CHALLENGES, 1);
		type("username", uniqueName("solver"));
		type("password", PASSWORD);

		run("register");
		assertThat(answer("register")).startsWith("201 Created\n");
		assertThat(requested()).containsExactly("/register", "/challenge?for=login", "/register",
				"/challenge?for=register", "/register");
		assertThat(output).contains("challenge outcome=refused reason=wrong-purpose purpose=register",
				"challenge outcome=solved purpose=register");
	}

	@Test
	void registerWhenEverySolutionRefusedThenPageGivesUpAfterTwoAndShowsTheError() {
		script(ASK_FOR_LOGIN_CHALLENGES, 10);
		type("username", uniqueName("solver"));
		type("password", PASSWORD);

		run("register");
		assertThat(answer("register")).startsWith("403 Forbidden\n")
			.contains("\"type\": \"/problems/challenge-required\"", "\"reason\": \"wrong-purpose\"");
		assertThat(requested()).containsExactly("/register", "/challenge?for=login", "/register",
				"/challenge?for=login", "/register");
		assertThat(text("message")).startsWith("POST /register: 403 Forbidden — ");
	}

	@Test
	void registerWhenNoKeyBelowTheWorkMatchesThenPageSaysSoAndSendsNoSolution() {
		// A prefix no key of the 64 to 256 tried has, bar a 1 in 2^120 chance.
		script("""
				const fetchOfThePage = window.fetch;
				window.fetch = async (url, options) => {
					const response = await fetchOfThePage(url, options);
					if (!url.startsWith("/challenge")) {
						return response;
					}
					const challenge = await response.json();
					challenge.parameters.keyPrefix = "0".repeat(32);
					return new Response(JSON.stringify(challenge), { headers: response.headers });
				};
				""");
		type("username", uniqueName("solver"));
		type("password", PASSWORD);

		run("register");
		answer("register");
		assertThat(text("message")).matches("The proof of work failed: no counter below (64|128|256) gives the key");
		assertThat(requested()).containsExactly("/register", "/challenge?for=register");
		assertThat(text("challenge")).isEmpty();
	}

	@Test
	void registerWhenNoWebCryptoThenPageSaysWhyAndFetchesNoChallenge() {
		// As on a page served over plain http from another host: no secure context.
		script("Object.defineProperty(window.crypto, 'subtle', { value: undefined });");
		type("username", uniqueName("solver"));
		type("password", PASSWORD);

		run("register");
		assertThat(answer("register")).startsWith("403 Forbidden\n").contains("\"reason\": \"missing\"");
		assertThat(text("message")).contains("no Web Crypto", "https or localhost");
		assertThat(requested()).containsExactly("/register");
	}

	/**
	 * Shown from 0 % on, with a progress that only grows, then full: the states after the
	 * box was last hidden.
	 */
	private static void assertSolvedOnceShowingProgress(List<String> states) {
		List<String> shown = states.stream().dropWhile((state) -> state.startsWith("true|")).toList();
		assertThat(shown).hasSizeGreaterThanOrEqualTo(2);
		assertThat(shown.get(0)).matches(SOLVING).endsWith(": 0 %");
		List<String> solving = shown.subList(0, shown.size() - 1);
		assertThat(solving).allMatch((state) -> state.matches(SOLVING));
		assertThat(solving.stream().map(DemoPageChallengeTests::done).toList()).isSorted();
		assertThat(shown.get(shown.size() - 1)).matches(SOLVED);
	}

	private static int done(String state) {
		return Integer.parseInt(state.split("[|/]")[1]);
	}

}
