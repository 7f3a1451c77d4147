import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one run: a table on the console and the same as JSON. */
final class Report {

	private final Map<String, Object> figures = new LinkedHashMap<>();

	void put(String name, Object value) {
		this.figures.put(name, value);
	}

	/** Adds to a figure, for one measured over several rounds. */
	void add(String name, double value) {
		this.figures.merge(name, value, (sum, more) -> (double) sum + (double) more);
	}

	private double get(String name) {
		return ((Number) this.figures.get(name)).doubleValue();
	}

	void print() {
		double raw = get("raw_checks_per_s");
		double c = get("raw_checks_per_s_c_python_bcrypt");
		double logins = get("logins_per_s");
		double root = get("root_requests_per_s");
		double me = get("me_requests_per_s");
		double p99Few = get("login_p99_ms_at_1000");
		double p99Many = get("login_p99_ms_at_1000000");
		row("measure", "result", "goal", "met");
		row("---", "---", "---", "---");
		row("cores / service JDK / BCrypt cost", this.figures.get("cores") + " / " + this.figures.get("service_jdk")
				+ " / " + this.figures.get("bcrypt_cost"), "", "");
		row("raw checks/s: service's hasher, two at once / one at a time; Spring / Bouncy Castle / at.favre / C (python3-bcrypt), one at a time",
				String.format("%.1f / %.1f; %.1f / %.1f / %.1f / %.1f", raw, get("raw_checks_per_s_one_at_a_time"),
						get("raw_checks_per_s_spring"),
						get("raw_checks_per_s_bouncycastle"), get("raw_checks_per_s_favre"), c),
				"", "");
		row("logins/s over HTTP, against the service's raw checks/s", String.format("%.1f (%.2f)", logins, logins / raw),
				">= 0.95", met(logins / raw >= 0.95));
		row("logins/s over HTTP, against the C library's raw checks/s", String.format("%.2f", logins / c), ">= 1",
				met(logins / c >= 1));
		double registrations = get("registrations_per_s");
		row("registrations/s, against raw hashes/s", String.format("%.1f (%.2f)", registrations,
				registrations / get("raw_hashes_per_s")), ">= 0.95", met(registrations / get("raw_hashes_per_s") >= 0.95));
		proofOfWork();
		row("`GET /` requests/s, p99", String.format("%,.0f, %.1f ms", root, get("root_p99_ms")), "", "");
		row("`GET /me` requests/s, p99, against `GET /`",
				String.format("%,.0f, %.1f ms (%.2f)", me, get("me_p99_ms"), me / root), ">= 0.8", met(me / root >= 0.8));
		row("login p50 / p99 at 1,000 accounts",
				String.format("%.1f / %.1f ms", get("login_p50_ms_at_1000"), p99Few), "", "");
		row("login p50 / p99 at 1,000,000 accounts", String.format("%.1f / %.1f ms (p99 %+.0f %%)",
				get("login_p50_ms_at_1000000"), p99Many, 100 * (p99Many / p99Few - 1)), "within 10 %",
				met(Math.abs(p99Many / p99Few - 1) <= 0.10));
		row("resident memory (RSS) with 1,000,000 accounts, after its latency phase",
				this.figures.get("rss_mb_with_1000000_accounts") + " MB", "", "");
		System.out.println();
		printFootprint();
	}

	/**
	 * The three ways of running side by side: start-up, memory after the loads, and
	 * {@code GET /me} against {@code GET /}, beside their goals.
	 */
	void printFootprint() {
		double hello = get("hello_startup_ms_to_first_answer") / 1000;
		double production = get("startup_ms_to_first_answer") / 1000;
		double plain = get("plain_startup_ms_to_first_answer") / 1000;
		long rss = (long) get("rss_mb_after_load");
		double me = get("me_requests_per_s") / get("root_requests_per_s");
		double plainMe = get("plain_me_requests_per_s") / get("plain_root_requests_per_s");
		row("way of running", "start-up to the first answer, median of 5 (all, ms)",
				"RSS / PSS after the loads; `GET /me` against `GET /`", "goals: met");
		row("---", "---", "---", "---");
		row("(b) the documented production settings: " + this.figures.get("service_jdk") + ", "
				+ this.figures.get("jvm_options"),
				String.format("%.2f s (%s)", production, this.figures.get("startup_ms_all")),
				String.format("%d / %.0f MB; %,.0f against %,.0f (%.2f)", rss, get("pss_mb_after_load"),
						get("me_requests_per_s"), get("root_requests_per_s"), me),
				String.format("start-up <= 1.5 s: %s; RSS <= 200 MB: %s; >= 0.8: %s", met(production <= 1.5),
						met(rss <= 200), met(me >= 0.8)));
		row("(a) plain `java -jar` on the default JDK (" + this.figures.get("jdk") + "), no options",
				String.format("%.2f s (%s); %.2f of (c)", plain, this.figures.get("plain_startup_ms_all"), plain / hello),
				String.format("%.0f / %.0f MB; %,.0f against %,.0f (%.2f)", get("plain_rss_mb_after_load"),
						get("plain_pss_mb_after_load"), get("plain_me_requests_per_s"),
						get("plain_root_requests_per_s"), plainMe),
				String.format("start-up <= 1.3 of (c): %s; >= 0.8: %s", met(plain <= 1.3 * hello), met(plainMe >= 0.8)));
		row("(c) a Spring Boot web hello-world of the same Boot version, the same way as (a)",
				String.format("%.2f s (%s)", hello, this.figures.get("hello_startup_ms_all")),
				String.format("%.0f / %.0f MB; `GET /` %,.0f", get("hello_rss_mb_after_load"),
						get("hello_pss_mb_after_load"), get("hello_root_requests_per_s")),
				"the yardstick");
		System.out.printf("%nLogins/s over HTTP with (b), against the service's raw checks/s: %.1f (%.2f; goal >= 0.95)%n",
				get("logins_per_s"), get("logins_per_s") / get("raw_checks_per_s"));
		System.out.printf("Starts that never answered and were tried again: %.0f%n", get("hung_starts"));
	}

	/**
	 * What checking a solution and issuing a challenge cost, as fractions of one BCrypt
	 * check (all measured on every core, one at a time), and altcha-lib's solve times.
	 */
	private void proofOfWork() {
		double checks = get("raw_checks_per_s_one_at_a_time");
		double defaultChecks = get("raw_checks_per_s_at_default_cost");
		String costs = this.figures.get("bcrypt_cost") + " / " + this.figures.get("default_bcrypt_cost");
		double verifies = get("raw_verifies_per_s");
		row("checks of one solution/s (`Altcha.verify`); one, of a BCrypt check at cost " + costs,
				String.format("%,.0f; %.3f %% / %.3f %%", verifies, 100 * checks / verifies,
						100 * defaultChecks / verifies),
				"< 1 % at cost " + this.figures.get("bcrypt_cost"), met(checks / verifies < 0.01));
		double issues = get("raw_issues_per_s");
		row("challenges issued/s (`Altcha.issue`, one PBKDF2 of cost " + this.figures.get("challenge_cost")
				+ "); one, of a BCrypt check at cost " + costs,
				String.format("%,.0f; %.1f %% / %.1f %%", issues, 100 * checks / issues, 100 * defaultChecks / issues),
				"", "");
		double refusals = get("refused_registrations_per_s");
		row("registrations refused for a missing solution (403)/s, p99, against `GET /` of the same service; one, of a BCrypt check at cost "
				+ this.figures.get("bcrypt_cost") + " (wrk's share included)",
				String.format("%,.0f, %.1f ms (%.3f); %.1f %%", refusals, get("refused_registration_p99_ms"),
						refusals / get("challenged_root_requests_per_s"), 100 * checks / refusals),
				"", "");
		if (this.figures.containsKey("solve_skipped")) {
			row("altcha-lib's solve times", "skipped: " + this.figures.get("solve_skipped"), "", "");
			return;
		}
		for (String step : ((String) this.figures.get("challenge_steps")).replaceAll("[\\[\\]]", "").split(" ")) {
			row("altcha-lib's solve in Node, one core, at work " + step + " (about " + Integer.parseInt(step) / 2
					+ " keys): median / worst of " + this.figures.get("solves_per_step"),
					String.format("%.2f / %.2f s", get("solve_ms_median_at_work_" + step) / 1000,
							get("solve_ms_worst_at_work_" + step) / 1000),
					"", "");
		}
		double perKey = get("solve_ms_per_key");
		row("one key derivation in Node (PBKDF2 of cost " + this.figures.get("challenge_cost")
				+ "); at ALTCHA's recommended counter of 5,000 to 10,000 (7,500 keys); the load average after",
				String.format("%.3f ms; %.1f s (ALTCHA: about 1.6 s on a recent laptop, 9.5 s on a budget phone); %s",
						perKey, 7_500 * perKey / 1000, this.figures.get("load_average_after_solves")),
				"", "");
		row("altcha-lib's solutions taken by the service", (String) this.figures.get("solutions_taken_by_the_service"),
				"all", met(((String) this.figures.get("solutions_taken_by_the_service")).matches("(\\d+) of \\1")));
	}

	private static String met(boolean met) {
		return met ? "yes" : "no";
	}

	private static void row(String measure, String result, String goal, String met) {
		System.out.printf("| %s | %s | %s | %s |%n", measure, result, goal, met);
	}

	String json() {
		StringBuilder json = new StringBuilder("{\n");
		this.figures.forEach((key, value) -> json.append("  \"")
			.append(key)
			.append("\": ")
			.append((value instanceof String text) ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : value)
			.append(",\n"));
		json.setLength(json.length() - 2);
		return json.append("\n}").toString();
	}

}
