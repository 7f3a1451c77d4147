import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.loginservice.PasswordSettings;
import org.loginservice.password.PasswordHasher;

/**
 * The load test behind bench/flood: many clients flood /login, each logging in to an
 * account of its own, while one more client probes {@code GET /} every 50 ms. Beside it,
 * in the same run, the raw BCrypt checks per second that the cores can do at the same
 * cost, two at once per core as the service's hashing threads do: the ceiling for logins
 * per second.
 */
public class Flood {

	private static final String PASSWORD = Bench.PASSWORD;

	public static void main(String[] args) throws Exception {
		String java = args[0];
		Path jar = Path.of(args[1]);
		int clients = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		int cost = Integer.parseInt(args[4]);
		long retryMillis = Long.parseLong(args[5]);

		PasswordHasher hasher = new PasswordHasher(new PasswordSettings(15, 3, cost));
		String hash = hasher.encode(PASSWORD);
		double ceiling = Ceilings.perSecond(Math.min(seconds, 10), 2, Ceilings.twoChecks(hasher, PASSWORD, hash));

		Path folder = Files.createDirectories(Path.of("target/bench/flood"));
		try (Service service = Service.start(java, "", jar, folder, "--auth.password.bcrypt-cost=" + cost,
				"--auth.throttle.registrations-per-address=1000000000",
				"--auth.challenge.free-registrations=1000000000")) {
			String base = service.base;
			for (int i = 0; i < clients; i++) {
				int status = Http.post(base + "/register", Http.login("flood" + i, PASSWORD)).statusCode();
				if (status != 201) {
					throw new IllegalStateException("registering flood" + i + " answered " + status);
				}
			}
			Http.Load logins = new Http.Load();
			Http.Load probes = new Http.Load();
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
			ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
			for (int i = 0; i < clients; i++) {
				String body = Http.login("flood" + i, PASSWORD);
				pool.submit(() -> {
					while (System.nanoTime() < end) {
						var response = logins.time(() -> Http.post(base + "/login", body));
						if (response != null && response.statusCode() == 503) {
							Thread.sleep(retryMillis);
						}
					}
					return null;
				});
			}
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					probes.time(() -> Http.get(base + "/"));
					Thread.sleep(50);
				}
				return null;
			});
			pool.shutdown();
			pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
			logins.addSeconds(seconds);

			System.out.printf("cores                          %d%n", Ceilings.CORES);
			System.out.printf("bcrypt cost                    %d%n", cost);
			System.out.printf("login clients                  %d for %d s, retrying %d ms after a 503%n", clients,
					seconds, retryMillis);
			System.out.printf("raw BCrypt checks/s (ceiling)  %.1f%n", ceiling);
			System.out.printf("logins served/s (200)          %.1f  (%.2f of the ceiling)%n", logins.perSecond(200),
					logins.perSecond(200) / ceiling);
			System.out.printf("logins shed/s (503)            %.1f%n", logins.perSecond(503));
			System.out.printf("other statuses                 %s, client errors %d%n", logins.otherStatuses(200, 503),
					logins.errors() + probes.errors());
			System.out.printf("login latency p50/p99/max ms   %.0f / %.0f / %.0f%n", logins.percentile(50),
					logins.percentile(99), logins.percentile(100));
			System.out.printf("GET / latency p50/p95/max ms   %.0f / %.0f / %.0f  (%d probes)%n", probes.percentile(50),
					probes.percentile(95), probes.percentile(100), probes.size());
		}
	}

}
