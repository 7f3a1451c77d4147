import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The benchmark behind bench/run: every figure of one run, measured side by side on
 * this machine, as a table and as JSON.
 */
public class Bench {

	private static final String PASSWORD = "violet-Quartz-river-92";

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final Map<String, Object> results = new LinkedHashMap<>();

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].substring(2), args[i + 1]);
		}
		int cost = Integer.parseInt(options.get("cost"));
		int seconds = Integer.parseInt(options.get("seconds"));
		results.put("cores", CORES);
		results.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		results.put("bcrypt_cost", cost);
		results.put("jvm_options", options.get("jvm"));

		String hash = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(cost));
		double springChecks = perSecond(seconds, () -> BCrypt.checkpw(PASSWORD, hash));
		double springHashes = perSecond(seconds, () -> BCrypt.hashpw(PASSWORD, BCrypt.gensalt(cost)) != null);
		double bouncyCastle = perSecond(seconds, () -> OpenBSDBCrypt.checkPassword(hash, PASSWORD.toCharArray()));
		double favre = perSecond(seconds,
				() -> at.favre.lib.crypto.bcrypt.BCrypt.verifyer().verify(PASSWORD.toCharArray(), hash).verified);
		double c = pythonBcrypt(hash, seconds);
		results.put("raw_checks_per_s_spring", springChecks);
		results.put("raw_hashes_per_s_spring", springHashes);
		results.put("raw_checks_per_s_bouncycastle", bouncyCastle);
		results.put("raw_checks_per_s_favre", favre);
		results.put("raw_checks_per_s_c_python_bcrypt", c);

		Path work = Files.createTempDirectory("login-bench");
		Service service = Service.start(options, work, cost);
		results.put("startup_ms_to_first_answer", service.startupMillis);
		String base = service.base;

		int clients = 3 * CORES;
		for (int i = 0; i < clients; i++) {
			post(base + "/register", "{\"username\":\"login" + i + "\",\"password\":\"" + PASSWORD + "\"}", null);
		}
		Load logins = load(seconds, clients,
				(client) -> post(base + "/login", "{\"username\":\"login" + client + "\",\"password\":\"" + PASSWORD + "\"}",
						null));
		results.put("logins_per_s", logins.ok(200) / (double) seconds);

		String token = body(post(base + "/login", "{\"username\":\"login0\",\"password\":\"" + PASSWORD + "\"}", null))
			.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		wrk(base + "/", null, Math.min(seconds, 5));
		wrk(base + "/me", token, Math.min(seconds, 5));
		double[] root = wrk(base + "/", null, seconds);
		double[] me = wrk(base + "/me", token, seconds);
		results.put("root_requests_per_s", root[0]);
		results.put("root_p99_ms", root[1]);
		results.put("me_requests_per_s", me[0]);
		results.put("me_p99_ms", me[1]);

		// After the other phases, so that the JIT has warmed the shared paths as it has for them.
		AtomicInteger registered = new AtomicInteger();
		Load registrations = load(seconds, 3 * CORES, (client) -> post(base + "/register",
				"{\"username\":\"reg" + registered.incrementAndGet() + "\",\"password\":\"" + PASSWORD + "\"}", null));
		results.put("registrations_per_s", registrations.ok(201) / (double) seconds);

		service.stop();
		for (int accounts : new int[] { 1_000, 1_000_000 }) {
			long seedMillis = seed(work, accounts, hash);
			service = Service.start(options, work, cost);
			String login = service.base + "/login";
			Load latency = load(seconds, 1, (client) -> post(login, "{\"username\":\"seed" + (accounts / 2)
					+ "\",\"password\":\"" + PASSWORD + "\"}", null));
			results.put("login_p50_ms_at_" + accounts, latency.percentile(50));
			results.put("login_p99_ms_at_" + accounts, latency.percentile(99));
			results.put("seed_ms_" + accounts, seedMillis);
			if (accounts == 1_000_000) {
				results.put("rss_mb_after_run", service.rssMegabytes());
			}
			service.stop();
		}

		print();
		Files.writeString(Path.of(options.get("json")), json() + "\n");
	}

	/** Counts how often the work completes per second on all cores. */
	private static double perSecond(int seconds, Supplier<Boolean> work) throws InterruptedException {
		LongAdder done = new LongAdder();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(CORES);
		long start = System.nanoTime();
		for (int i = 0; i < CORES; i++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					if (!work.get()) {
						throw new IllegalStateException("the check failed");
					}
					done.increment();
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
		return done.sum() / ((System.nanoTime() - start) / 1e9);
	}

	private static double pythonBcrypt(String hash, int seconds) throws Exception {
		String script = """
				import bcrypt, multiprocessing, sys, time
				def work(end):
				    n = 0
				    while time.time() < end:
				        assert bcrypt.checkpw(sys.argv[1].encode(), sys.argv[2].encode())
				        n += 1
				    return n
				if __name__ == "__main__":
				    cores, seconds = int(sys.argv[3]), int(sys.argv[4])
				    start = time.time()
				    with multiprocessing.Pool(cores) as pool:
				        total = sum(pool.map(work, [start + seconds] * cores))
				    print(total / (time.time() - start))
				""";
		Process python = new ProcessBuilder("/usr/bin/python3", "-c", script, PASSWORD, hash, String.valueOf(CORES),
				String.valueOf(seconds))
			.redirectErrorStream(true)
			.start();
		String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		python.waitFor();
		return Double.parseDouble(output.lines().reduce((a, b) -> b).orElseThrow());
	}

	/** Requests per second and p99 latency in ms, from wrk with 2 threads and 8 connections. */
	private static double[] wrk(String url, String token, int seconds) throws Exception {
		List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c8", "-d" + seconds + "s", "--latency"));
		if (token != null) {
			command.addAll(List.of("-H", "Authorization: Bearer " + token));
		}
		command.add(url);
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		wrk.waitFor();
		double perSecond = Double.parseDouble(output.replaceAll("(?s).*Requests/sec:\\s+([0-9.]+).*", "$1"));
		String p99 = output.replaceAll("(?s).*\\n\\s+99%\\s+([0-9.]+)(us|ms|s).*", "$1 $2");
		String[] value = p99.split(" ");
		double factor = switch (value[1]) {
			case "us" -> 0.001;
			case "s" -> 1000;
			default -> 1;
		};
		return new double[] { perSecond, Double.parseDouble(value[0]) * factor };
	}

	/** Writes accounts directly, with one precomputed hash, until there are this many. */
	private static long seed(Path work, int accounts, String hash) throws Exception {
		long start = System.nanoTime();
		String url = "jdbc:h2:file:" + work.resolve("data/login-service") + ";WRITE_DELAY=0";
		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			db.setAutoCommit(false);
			var count = db.createStatement().executeQuery("SELECT COUNT(*) FROM users WHERE username LIKE 'seed%'");
			count.next();
			int existing = count.getInt(1);
			try (PreparedStatement insert = db.prepareStatement(
					"INSERT INTO users (username, canonical_username, password_hash, data, created_at) VALUES (?, ?, ?, '', ?)")) {
				OffsetDateTime now = OffsetDateTime.now();
				for (int i = existing; i < accounts; i++) {
					insert.setString(1, "seed" + i);
					insert.setString(2, "seed" + i);
					insert.setString(3, hash);
					insert.setObject(4, now);
					insert.addBatch();
					if (i % 10_000 == 0) {
						insert.executeBatch();
						db.commit();
					}
				}
				insert.executeBatch();
				db.commit();
			}
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

	/** Runs the requests from this many clients for a few seconds unmeasured, then for the given seconds. */
	private static Load load(int seconds, int clients, IntFunction<java.net.http.HttpResponse<String>> request)
			throws InterruptedException {
		measure(Math.min(seconds, 5), clients, request);
		return measure(seconds, clients, request);
	}

	private static Load measure(int seconds, int clients, IntFunction<java.net.http.HttpResponse<String>> request)
			throws InterruptedException {
		Load load = new Load();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int i = 0; i < clients; i++) {
			int client = i;
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					long start = System.nanoTime();
					java.net.http.HttpResponse<String> response = request.apply(client);
					load.record(response.statusCode(), (System.nanoTime() - start) / 1e6);
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
		return load;
	}

	static java.net.http.HttpResponse<String> post(String url, String json, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json));
		return send(request, token);
	}

	static java.net.http.HttpResponse<String> get(String url, String token) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
	}

	private static java.net.http.HttpResponse<String> send(HttpRequest.Builder request, String token) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String body(java.net.http.HttpResponse<String> response) {
		return response.body();
	}

	private static void print() {
		double spring = (double) results.get("raw_checks_per_s_spring");
		row("cores / JDK / BCrypt cost", results.get("cores") + " / " + results.get("jdk") + " / " + results.get("bcrypt_cost"));
		row("raw checks/s: Spring / Bouncy Castle / favre / C", String.format("%.1f / %.1f / %.1f / %.1f", spring,
				results.get("raw_checks_per_s_bouncycastle"), results.get("raw_checks_per_s_favre"),
				results.get("raw_checks_per_s_c_python_bcrypt")));
		row("logins/s over HTTP (ratio to raw Spring; goal >= 0.95)", String.format("%.1f (%.2f)",
				results.get("logins_per_s"), (double) results.get("logins_per_s") / spring));
		row("logins/s against the C library's raw checks/s (goal >= 1)", String.format("%.2f",
				(double) results.get("logins_per_s") / (double) results.get("raw_checks_per_s_c_python_bcrypt")));
		row("registrations/s (ratio to raw hashes/s; goal >= 0.95)", String.format("%.1f (%.2f)",
				results.get("registrations_per_s"),
				(double) results.get("registrations_per_s") / (double) results.get("raw_hashes_per_s_spring")));
		row("GET / req/s, p99 ms", String.format("%.0f, %.1f", results.get("root_requests_per_s"), results.get("root_p99_ms")));
		row("GET /me req/s, p99 ms (ratio; goal >= 0.8)", String.format("%.0f, %.1f (%.2f)",
				results.get("me_requests_per_s"), results.get("me_p99_ms"),
				(double) results.get("me_requests_per_s") / (double) results.get("root_requests_per_s")));
		row("login p50 / p99 ms at 1,000 accounts", String.format("%.1f / %.1f", results.get("login_p50_ms_at_1000"),
				results.get("login_p99_ms_at_1000")));
		row("login p50 / p99 ms at 1,000,000 accounts (goal: p99 within 10 %)", String.format("%.1f / %.1f",
				results.get("login_p50_ms_at_1000000"), results.get("login_p99_ms_at_1000000")));
		row("start-up to first answer, ms (goal <= 2000)", String.valueOf(results.get("startup_ms_to_first_answer")));
		row("resident memory after the run, MB (goal <= 200)", String.valueOf(results.get("rss_mb_after_run")));
	}

	private static void row(String name, String value) {
		System.out.printf("| %-66s | %-40s |%n", name, value);
	}

	private static String json() {
		StringBuilder json = new StringBuilder("{\n");
		results.forEach((key, value) -> json.append("  \"").append(key).append("\": ")
			.append((value instanceof String text) ? "\"" + text.replace("\"", "\\\"") + "\"" : value)
			.append(",\n"));
		json.setLength(json.length() - 2);
		return json.append("\n}").toString();
	}

	static final class Load {

		private final Map<Integer, LongAdder> statuses = new java.util.concurrent.ConcurrentHashMap<>();

		private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

		void record(int status, double ms) {
			this.statuses.computeIfAbsent(status, (s) -> new LongAdder()).increment();
			this.millis.add(ms);
		}

		long ok(int status) {
			LongAdder count = this.statuses.get(status);
			return (count != null) ? count.sum() : 0;
		}

		double percentile(int percentile) {
			List<Double> sorted = new ArrayList<>(this.millis);
			Collections.sort(sorted);
			return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1,
					(int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
		}

	}

	static final class Service {

		final Process process;

		final String base;

		final long startupMillis;

		private Service(Process process, String base, long startupMillis) {
			this.process = process;
			this.base = base;
			this.startupMillis = startupMillis;
		}

		static Service start(Map<String, String> options, Path work, int cost) throws Exception {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			List<String> command = new ArrayList<>(List.of("java"));
			command.addAll(List.of(options.get("jvm").split(" ")));
			command.add("-XX:SharedArchiveFile=" + Path.of(options.get("cds")).toAbsolutePath());
			command.addAll(List.of("-jar", Path.of(options.get("jar")).toAbsolutePath().toString(),
					"--server.port=" + port, "--auth.password.bcrypt-cost=" + cost,
					"--auth.throttle.registrations-per-address=100000000", "--spring.main.lazy-initialization=true"));
			long start = System.nanoTime();
			Process process = new ProcessBuilder(command).directory(work.toFile())
				.redirectErrorStream(true)
				.redirectOutput(work.resolve("service.log").toFile())
				.start();
			String base = "http://127.0.0.1:" + port;
			while (true) {
				try {
					if (get(base + "/", null).statusCode() == 200) {
						break;
					}
				}
				catch (IllegalStateException ex) {
					if (!process.isAlive()) {
						throw new IllegalStateException("the service exited: " + Files.readString(work.resolve("service.log")));
					}
					Thread.sleep(20);
				}
			}
			return new Service(process, base, (System.nanoTime() - start) / 1_000_000);
		}

		long rssMegabytes() throws IOException {
			return Files.readAllLines(Path.of("/proc/" + this.process.pid() + "/status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.map((line) -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
				.findFirst()
				.orElse(-1L);
		}

		void stop() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}

	}

}
