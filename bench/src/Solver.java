import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ALTCHA's own solver, {@code solveChallenge} of npm's {@code altcha-lib} with its PBKDF2
 * ({@code altcha-lib/algorithms/pbkdf2}, Node's OpenSSL), in Node: one key derivation at
 * a time, so one core. bench/run installs the package under target/bench/node.
 */
final class Solver {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Reads challenges, one JSON a line, and writes for each the time taken and the solution. */
	private static final String SCRIPT = """
			import { readFileSync } from 'node:fs';
			import { solveChallenge } from 'altcha-lib';
			import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
			for (const line of readFileSync(0, 'utf8').split('\\n').filter((line) => line)) {
			  const challenge = JSON.parse(line);
			  const start = performance.now();
			  const solution = await solveChallenge({ challenge, deriveKey, timeout: 0 });
			  const millis = performance.now() - start;
			  const payload = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
			  process.stdout.write(JSON.stringify({ millis, counter: solution.counter, payload }) + '\\n');
			}
			""";

	private final Path folder;

	private Solver(Path folder) {
		this.folder = folder;
	}

	/** Why the solver cannot run here, or null if it can. */
	static String unavailable(Path folder) throws Exception {
		if (!Files.isDirectory(folder.resolve("node_modules/altcha-lib"))) {
			return "altcha-lib is not installed under " + folder + " (Node.js or npm missing, or npm failed)";
		}
		try {
			Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			node.getInputStream().readAllBytes();
			return (node.waitFor() == 0) ? null : "node does not run";
		}
		catch (java.io.IOException ex) {
			return "Node.js is missing";
		}
	}

	/**
	 * Solves challenges of each step's work, issued by the service's own code so that each
	 * counter is drawn as the service draws it, after one unmeasured solve; checks that the
	 * service takes every solution; reports the median and the worst time of each step and
	 * the time of one key derivation.
	 */
	static void measure(Path folder, ProofOfWork protocol, int cost, List<Integer> steps, int perStep, Report report)
			throws Exception {
		List<String> challenges = new ArrayList<>(List.of(protocol.issue(steps.get(0), cost)));
		for (int work : steps) {
			for (int i = 0; i < perStep; i++) {
				challenges.add(protocol.issue(work, cost));
			}
		}
		List<Solution> solutions = new Solver(folder).solve(challenges);
		long accepted = solutions.stream().filter((solution) -> protocol.verify(solution.payload())).count();
		report.put("solutions_taken_by_the_service", accepted + " of " + solutions.size());
		report.put("solves_per_step", perStep);
		double millis = 0;
		long keys = 0;
		for (int step = 0; step < steps.size(); step++) {
			List<Solution> solved = solutions.subList(1 + step * perStep, 1 + (step + 1) * perStep);
			List<Double> times = solved.stream().map(Solution::millis).sorted().toList();
			report.put("solve_ms_median_at_work_" + steps.get(step), median(times));
			report.put("solve_ms_worst_at_work_" + steps.get(step), times.get(times.size() - 1));
			millis += times.stream().mapToDouble(Double::doubleValue).sum();
			keys += solved.stream().mapToLong((solution) -> solution.counter() + 1L).sum();
		}
		report.put("solve_ms_per_key", millis / keys);
		report.put("solve_keys_derived", keys);
		// Absolute times, on a machine that may be shared: how busy it was.
		report.put("load_average_after_solves", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
	}

	private static double median(List<Double> sorted) {
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/** Solves the challenges one after the other, in one Node process. */
	private List<Solution> solve(List<String> challenges) throws Exception {
		Process node = new ProcessBuilder("node", "--input-type=module", "-e", SCRIPT).directory(this.folder.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try (var input = node.getOutputStream()) {
			input.write((String.join("\n", challenges) + "\n").getBytes(StandardCharsets.UTF_8));
		}
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (node.waitFor() != 0) {
			throw new IllegalStateException("altcha-lib's solver failed: " + output);
		}
		List<Solution> solutions = new ArrayList<>();
		for (String line : output.lines().toList()) {
			JsonNode solution = JSON.readTree(line);
			solutions.add(new Solution(solution.get("millis").doubleValue(), solution.get("counter").intValue(),
					solution.get("payload").stringValue()));
		}
		if (solutions.size() != challenges.size()) {
			throw new IllegalStateException("altcha-lib solved " + solutions.size() + " of " + challenges.size());
		}
		return solutions;
	}

	/**
	 * @param counter the counter found: the solver derived {@code counter + 1} keys
	 * @param payload the field {@code altcha} as the widget would send it
	 */
	record Solution(double millis, int counter, String payload) {

	}

}
