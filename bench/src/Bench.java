import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.loginservice.PasswordSettings;
import org.loginservice.password.PasswordHasher;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The benchmark behind bench/run: the service beside the BCrypt ceiling and its peers,
 * every figure measured in one run on this machine. The ceilings and the HTTP loads they
 * are compared with alternate, round by round, so that whatever else the machine is doing
 * weighs on both alike. Beside BCrypt, the proof of work: what checking a solution and
 * issuing a challenge cost the service, and how long ALTCHA's own solver takes at each
 * step of the service's challenges.
 */
public class Bench {

	static final String PASSWORD = "violet-Quartz-river-92";

	/** Enough to keep both lanes of every hashing thread busy, and as many waiting. */
	private static final int CLIENTS = 4 * Ceilings.CORES;

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].substring(2), args[i + 1]);
		}
		int cost = Integer.parseInt(options.get("cost"));
		double seconds = Double.parseDouble(options.get("seconds"));
		int rounds = Integer.parseInt(options.get("rounds"));
		String java = options.get("java");
		String jvm = options.get("jvm");
		Path jar = Path.of(options.get("jar"));
		// Everything, or only the three ways of running side by side (PARTS=footprint).
		boolean all = !"footprint".equals(options.get("parts"));
		Path work = Files.createDirectories(Path.of("target/bench/work"));
		// All from one address, and far more than a surge: challenges stay in their adaptive
		// mode, counting every attempt, but never asked for (one load measures them below).
		String[] serviceArgs = { "--auth.password.bcrypt-cost=" + cost,
				"--auth.throttle.registrations-per-address=1000000000",
				"--auth.challenge.free-registrations=1000000000", "--auth.challenge.free-failed-logins=1000000000",
				"--auth.challenge.surge-registrations-per-minute=1000000000" };
		Properties defaults = ProofOfWork.settings();
		int defaultCost = Integer.parseInt(defaults.getProperty("auth.password.bcrypt-cost"));
		int challengeCost = Integer.parseInt(defaults.getProperty("auth.challenge.cost"));
		List<Integer> steps = ProofOfWork.steps(defaults);

		Report report = new Report();
		report.put("cores", Ceilings.CORES);
		report.put("hung_starts", 0.0);
		report.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		report.put("service_jdk", jdk(java));
		report.put("bcrypt_cost", cost);
		report.put("jvm_options", jvm);
		report.put("seconds_per_phase", seconds);
		report.put("rounds", rounds);
		report.put("default_bcrypt_cost", defaultCost);
		report.put("challenge_cost", challengeCost);
		report.put("challenge_steps", steps.toString().replace(", ", " "));

		report.put("parts", all ? "all" : "footprint");

		// Solve times first, while nothing else of the benchmark runs: they are absolute.
		ProofOfWork protocol = new ProofOfWork();
		String unavailable = all ? Solver.unavailable(Path.of(options.get("solver"))) : "PARTS=footprint";
		if (unavailable == null) {
			Solver.measure(Path.of(options.get("solver")), protocol, challengeCost, steps,
					Integer.parseInt(options.get("solves")), report);
		}
		else {
			System.err.println("Skipping altcha-lib's solve times: " + unavailable);
			report.put("solve_skipped", unavailable);
		}

		// The service's own hasher, outside the service: its ceiling. Two at once on each
		// core, as the service's hashing threads do whenever two computations wait.
		PasswordHasher hasher = new PasswordHasher(new PasswordSettings(15, 3, cost));
		String hash = hasher.encode(PASSWORD);
		BooleanSupplier twoChecks = Ceilings.twoChecks(hasher, PASSWORD, hash);
		BooleanSupplier twoHashes = Ceilings.twoHashes(hasher, PASSWORD);
		PasswordHasher defaultHasher = (cost == defaultCost) ? hasher
				: new PasswordHasher(new PasswordSettings(15, 3, defaultCost));
		String defaultHash = defaultHasher.encode(PASSWORD);
		BooleanSupplier verifying = protocol.verifying(protocol.solvedPayload(challengeCost));
		BooleanSupplier issuing = protocol.issuing(challengeCost);

		// Three ways of running, side by side: the service with the documented production
		// settings; the same jar as a user first runs it, java -jar on the default JDK with no
		// options; and a Spring Boot web hello-world of the same Boot version, the yardstick.
		// Five starts each on fresh databases (each creates its H2 file and migrates it), taken
		// in turn, so that whatever else the machine does weighs on all three alike.
		Way production = new Way("", java, jvm, jar, serviceArgs);
		Way plain = new Way("plain_", options.get("plain-java"), "", Path.of(options.get("plain-jar")), serviceArgs);
		Way hello = new Way("hello_", options.get("plain-java"), "", Path.of(options.get("hello-jar")));
		Map<Way, List<Long>> startups = new LinkedHashMap<>();
		for (int i = 0; i < 5; i++) {
			for (Way way : List.of(production, plain, hello)) {
				try (Service service = way.start(work.resolve(way.prefix() + "start-" + i), report)) {
					startups.computeIfAbsent(way, (w) -> new ArrayList<>()).add(service.startupMillis);
				}
			}
		}
		startups.forEach((way, times) -> {
			Collections.sort(times);
			report.put(way.prefix() + "startup_ms_to_first_answer", times.get(2));
			report.put(way.prefix() + "startup_ms_all", times.toString().replaceAll("[\\[\\],]", ""));
		});

		// The yardstick's memory after wrk's load on its GET /, as long as the service's.
		try (Service service = hello.start(work.resolve("hello"), report)) {
			Wrk.run(service.base + "/", null, 5);
			for (int round = 0; round < rounds; round++) {
				report.add("hello_root_requests_per_s", Wrk.run(service.base + "/", null, 2 * seconds).perSecond() / rounds);
			}
			report.put("hello_rss_mb_after_load", service.residentMegabytes());
			report.put("hello_pss_mb_after_load", service.proportionalMegabytes());
		}

		// The service run plainly gets the same loads as below, without the ceilings between.
		try (Service service = plain.start(work.resolve("plain"), report)) {
			Loads loads = new Loads(service.base, seconds);
			loads.warmUp();
			Http.Load loginLoad = new Http.Load();
			for (int round = 0; round < rounds; round++) {
				loginLoad.add(loads.logins());
				loads.registrations();
				loads.rootAndMe(report, "plain_", rounds);
			}
			report.put("plain_logins_per_s", loginLoad.perSecond(200));
			report.put("plain_rss_mb_after_load", service.residentMegabytes());
			report.put("plain_pss_mb_after_load", service.proportionalMegabytes());
		}

		try (Service service = production.start(work.resolve("main"), report)) {
			Loads loads = new Loads(service.base, seconds);
			loads.warmUp();
			if (all) {
				// Checking and issuing run tens of times faster once compiled, which takes seconds
				// here.
				Ceilings.perSecond(10, verifying);
				Ceilings.perSecond(10, issuing);
			}

			Http.Load loginLoad = new Http.Load();
			Http.Load registrationLoad = new Http.Load();
			for (int round = 0; round < rounds; round++) {
				report.add("raw_checks_per_s", Ceilings.perSecond(seconds, 2, twoChecks) / rounds);
				loginLoad.add(loads.logins());
				report.add("raw_hashes_per_s", Ceilings.perSecond(seconds, 2, twoHashes) / rounds);
				registrationLoad.add(loads.registrations());
				loads.rootAndMe(report, "", rounds);
				if (!all) {
					continue;
				}
				report.add("raw_checks_per_s_one_at_a_time",
						Ceilings.perSecond(seconds, () -> hasher.matches(PASSWORD, hash)) / rounds);
				report.add("raw_verifies_per_s", Ceilings.perSecond(seconds, verifying) / rounds);
				report.add("raw_issues_per_s", Ceilings.perSecond(seconds, issuing) / rounds);
				report.add("raw_checks_per_s_at_default_cost",
						Ceilings.perSecond(seconds, () -> defaultHasher.matches(PASSWORD, defaultHash)) / rounds);
				report.add("raw_checks_per_s_spring", Ceilings.perSecond(seconds, () -> BCrypt.checkpw(PASSWORD, hash)) / rounds);
				report.add("raw_checks_per_s_bouncycastle",
						Ceilings.perSecond(seconds, () -> OpenBSDBCrypt.checkPassword(hash, PASSWORD.toCharArray())) / rounds);
				report.add("raw_checks_per_s_favre", Ceilings.perSecond(seconds,
						() -> at.favre.lib.crypto.bcrypt.BCrypt.verifyer().verify(PASSWORD.toCharArray(), hash).verified)
						/ rounds);
				report.add("raw_checks_per_s_c_python_bcrypt", Ceilings.python(PASSWORD, hash, seconds) / rounds);
			}
			report.put("logins_per_s", loginLoad.perSecond(200));
			report.put("login_other_statuses", loginLoad.otherStatuses(200));
			report.put("registrations_per_s", registrationLoad.perSecond(201));
			report.put("registration_other_statuses", registrationLoad.otherStatuses(201));
			report.put("rss_mb_after_load", service.residentMegabytes());
			report.put("pss_mb_after_load", service.proportionalMegabytes());
		}
		if (!all) {
			report.printFootprint();
			Files.writeString(Path.of(options.get("json")), report.json() + "\n");
			return;
		}

		// Registrations refused for a missing solution, against GET / of the same service.
		Way challenged = new Way("", java, jvm, jar, with(serviceArgs, "--auth.challenge.mode=always"));
		try (Service service = challenged.start(work.resolve("challenged"), report)) {
			String refused = Http.post(service.base + "/register", Http.login("refused", PASSWORD)).body();
			if (!refused.contains("/problems/challenge-required") || !refused.contains("\"missing\"")) {
				throw new IllegalStateException("a registration with no solution was not refused as missing: " + refused);
			}
			// Unmeasured: the password policy's dictionaries take many seconds to compile.
			Wrk.registrations(service.base, PASSWORD, 403, 20);
			Wrk.run(service.base + "/", null, 5);
			for (int round = 0; round < rounds; round++) {
				Wrk.Result refusals = Wrk.registrations(service.base, PASSWORD, 403, seconds);
				Wrk.Result root = Wrk.run(service.base + "/", null, seconds);
				report.add("refused_registrations_per_s", refusals.perSecond() / rounds);
				report.add("refused_registration_p99_ms", refusals.p99Millis() / rounds);
				report.add("challenged_root_requests_per_s", root.perSecond() / rounds);
			}
		}

		// Login latency with 1,000 and with 1,000,000 accounts: both services run at once
		// and one client alternates between them, a login on one, then on the other.
		Path small = work.resolve("accounts-1000");
		Path large = work.resolve("accounts-1000000");
		for (Path folder : new Path[] { small, large }) {
			production.start(folder, report).close();
		}
		report.put("seed_ms_1000", Service.seed(small, 1_000, hash));
		report.put("seed_ms_1000000", Service.seed(large, 1_000_000, hash));
		try (Service few = production.start(small, report); Service many = production.start(large, report)) {
			report.put("startup_ms_with_1000000_accounts", many.startupMillis);
			Http.Load fewLoad = new Http.Load();
			Http.Load manyLoad = new Http.Load();
			alternate(few, fewLoad, many, manyLoad, 5);
			fewLoad = new Http.Load();
			manyLoad = new Http.Load();
			alternate(few, fewLoad, many, manyLoad, 3 * seconds * rounds);
			report.put("login_p50_ms_at_1000", fewLoad.percentile(50));
			report.put("login_p99_ms_at_1000", fewLoad.percentile(99));
			report.put("login_samples_at_1000", fewLoad.count(200));
			report.put("login_p50_ms_at_1000000", manyLoad.percentile(50));
			report.put("login_p99_ms_at_1000000", manyLoad.percentile(99));
			report.put("login_samples_at_1000000", manyLoad.count(200));
			report.put("rss_mb_with_1000000_accounts", many.residentMegabytes());
		}

		report.print();
		Files.writeString(Path.of(options.get("json")), report.json() + "\n");
	}

	private static String[] with(String[] args, String more) {
		String[] all = Arrays.copyOf(args, args.length + 1);
		all[args.length] = more;
		return all;
	}

	/** The first line of {@code java -version}: the JDK the service runs on. */
	private static String jdk(String command) throws Exception {
		Process version = new ProcessBuilder(command, "-version").redirectErrorStream(true).start();
		String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		version.waitFor();
		return output.lines().findFirst().orElse(command);
	}

	/** One client logs in to an account in the middle of each service's table, in turn. */
	private static void alternate(Service few, Http.Load fewLoad, Service many, Http.Load manyLoad, double seconds) {
		long end = System.nanoTime() + (long) (seconds * 1e9);
		String fewLogin = Http.login("seed500", PASSWORD);
		String manyLogin = Http.login("seed500000", PASSWORD);
		while (System.nanoTime() < end) {
			fewLoad.time(() -> Http.post(few.base + "/login", fewLogin));
			manyLoad.time(() -> Http.post(many.base + "/login", manyLogin));
		}
	}

	/**
	 * One way of running: the java command, its options and the jar; {@code prefix} names
	 * its figures in the report.
	 */
	private record Way(String prefix, String java, String jvmOptions, Path jar, String... args) {

		/**
		 * Starts it, and once more if it hangs; a hung start is printed and counted as
		 * {@code hung_starts}.
		 */
		Service start(Path folder, Report report) throws Exception {
			try {
				return Service.start(this.java, this.jvmOptions, this.jar, folder, this.args);
			}
			catch (Service.Hung ex) {
				System.err.println(ex.getMessage());
				report.add("hung_starts", 1);
				// In the same folder, so that a seeded database is still there.
				return Service.start(this.java, this.jvmOptions, this.jar, folder, this.args);
			}
		}

	}

	/**
	 * The loads the service gets, however it runs: logins and registrations from four
	 * clients per core, then wrk on {@code GET /} and on {@code GET /me} with a token.
	 */
	private static final class Loads {

		private final String base;

		private final double seconds;

		private final String token;

		private final AtomicInteger registered = new AtomicInteger();

		Loads(String base, double seconds) {
			this.base = base;
			this.seconds = seconds;
			for (int i = 0; i < CLIENTS; i++) {
				Http.post(base + "/register", Http.login("login" + i, PASSWORD));
			}
			this.token = Http.post(base + "/login", Http.login("login0", PASSWORD))
				.body()
				.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		}

		/**
		 * Unmeasured: at tens of logins a second the JIT would still be compiling the request
		 * paths minutes later, on the cores the hashing needs.
		 */
		void warmUp() throws Exception {
			Wrk.run(this.base + "/", null, 5);
			Wrk.run(this.base + "/me", this.token, 5);
			Http.run(10, CLIENTS, (client) -> Http.post(this.base + "/login", Http.login("login" + client, PASSWORD)));
			registrations();
		}

		Http.Load logins() throws InterruptedException {
			return Http.run(this.seconds, CLIENTS,
					(client) -> Http.post(this.base + "/login", Http.login("login" + client, PASSWORD)));
		}

		Http.Load registrations() throws InterruptedException {
			return Http.run(this.seconds, CLIENTS, (client) -> Http.post(this.base + "/register",
					Http.login("reg" + this.registered.incrementAndGet(), PASSWORD)));
		}

		/** {@code GET /}, then {@code GET /me}: one round's share of each figure. */
		void rootAndMe(Report report, String prefix, int rounds) throws Exception {
			Wrk.Result root = Wrk.run(this.base + "/", null, this.seconds);
			Wrk.Result me = Wrk.run(this.base + "/me", this.token, this.seconds);
			report.add(prefix + "root_requests_per_s", root.perSecond() / rounds);
			report.add(prefix + "root_p99_ms", root.p99Millis() / rounds);
			report.add(prefix + "me_requests_per_s", me.perSecond() / rounds);
			report.add(prefix + "me_p99_ms", me.p99Millis() / rounds);
		}

	}

}
