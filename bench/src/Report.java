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
		long rss = Math.max((long) get("rss_mb_after_load"), (long) get("rss_mb_with_1000000_accounts"));
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
		row("`GET /` requests/s, p99", String.format("%,.0f, %.1f ms", root, get("root_p99_ms")), "", "");
		row("`GET /me` requests/s, p99, against `GET /`",
				String.format("%,.0f, %.1f ms (%.2f)", me, get("me_p99_ms"), me / root), ">= 0.8", met(me / root >= 0.8));
		row("login p50 / p99 at 1,000 accounts",
				String.format("%.1f / %.1f ms", get("login_p50_ms_at_1000"), p99Few), "", "");
		row("login p50 / p99 at 1,000,000 accounts", String.format("%.1f / %.1f ms (p99 %+.0f %%)",
				get("login_p50_ms_at_1000000"), p99Many, 100 * (p99Many / p99Few - 1)), "within 10 %",
				met(Math.abs(p99Many / p99Few - 1) <= 0.10));
		double startup = get("startup_ms_to_first_answer") / 1000;
		row("start-up to the first answer, median of 5 (all, ms)",
				String.format("%.2f s (%s)", startup, this.figures.get("startup_ms_all")), "<= 2 s", met(startup <= 2));
		row("resident memory after the run (the larger of the two services)", rss + " MB", "<= 200 MB",
				met(rss <= 200));
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
