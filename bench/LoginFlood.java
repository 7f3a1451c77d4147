import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Floods a running service's /login with many clients, each logging in to an account of
 * its own, while one more client probes GET / every 50 ms. Beside it, in the same run,
 * measures the raw BCrypt checks per second that the cores can do at the same cost: the
 * ceiling for logins per second.
 *
 * Usage: java [-DretryMillis=100] -cp CLASSPATH bench/LoginFlood.java BASE_URL CLIENTS SECONDS COST
 */
public class LoginFlood {

	private static final String PASSWORD = "violet-Quartz-river-92";

	private static final long RETRY_MS = Long.getLong("retryMillis", 100);

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int clients = Integer.parseInt(args[1]);
		int seconds = Integer.parseInt(args[2]);
		int cost = Integer.parseInt(args[3]);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		waitUntilUp(http, base);

		double ceiling = rawChecksPerSecond(cost, Math.min(seconds, 10));

		for (int i = 0; i < clients; i++) {
			int status = send(http, HttpRequest.newBuilder(URI.create(base + "/register?username=flood" + i + "&password=" + PASSWORD))
				.POST(HttpRequest.BodyPublishers.noBody())).statusCode();
			if (status != 201 && status != 409) {
				throw new IllegalStateException("registering flood" + i + " answered " + status);
			}
		}

		Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
		List<Long> loginMillis = Collections.synchronizedList(new ArrayList<>());
		List<Long> rootMillis = Collections.synchronizedList(new ArrayList<>());
		AtomicLong errors = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
		for (int i = 0; i < clients; i++) {
			String body = "{\"username\":\"flood" + i + "\",\"password\":\"" + PASSWORD + "\"}";
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					long start = System.nanoTime();
					try {
						int status = send(http, HttpRequest.newBuilder(URI.create(base + "/login"))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
						loginMillis.add((System.nanoTime() - start) / 1_000_000);
						statuses.computeIfAbsent(status, (s) -> new LongAdder()).increment();
						if (status == 503) {
							Thread.sleep(RETRY_MS);
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
				}
			});
		}
		pool.submit(() -> {
			while (System.nanoTime() < end) {
				long start = System.nanoTime();
				try {
					send(http, HttpRequest.newBuilder(URI.create(base + "/")).GET());
					rootMillis.add((System.nanoTime() - start) / 1_000_000);
					Thread.sleep(50);
				}
				catch (Exception ex) {
					errors.incrementAndGet();
				}
			}
		});
		pool.shutdown();
		pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);

		long ok = statuses.getOrDefault(200, new LongAdder()).sum();
		long shed = statuses.getOrDefault(503, new LongAdder()).sum();
		System.out.printf("cores                          %d%n", Runtime.getRuntime().availableProcessors());
		System.out.printf("bcrypt cost                    %d%n", cost);
		System.out.printf("login clients                  %d for %d s, retrying %d ms after a 503%n", clients, seconds,
				RETRY_MS);
		System.out.printf("raw BCrypt checks/s (ceiling)  %.1f%n", ceiling);
		System.out.printf("logins served/s (200)          %.1f  (%.2f of the ceiling)%n", ok / (double) seconds,
				ok / (double) seconds / ceiling);
		System.out.printf("logins shed/s (503)            %.1f%n", shed / (double) seconds);
		System.out.printf("other statuses                 %s, client errors %d%n", others(statuses), errors.get());
		System.out.printf("login latency p50/p99/max ms   %d / %d / %d%n", percentile(loginMillis, 50),
				percentile(loginMillis, 99), percentile(loginMillis, 100));
		System.out.printf("GET / latency p50/p95/max ms   %d / %d / %d  (%d probes)%n", percentile(rootMillis, 50),
				percentile(rootMillis, 95), percentile(rootMillis, 100), rootMillis.size());
	}

	private static double rawChecksPerSecond(int cost, int seconds) throws Exception {
		String hash = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(cost));
		int threads = Runtime.getRuntime().availableProcessors();
		LongAdder checks = new LongAdder();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		for (int i = 0; i < threads; i++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					BCrypt.checkpw(PASSWORD, hash);
					checks.increment();
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
		return checks.sum() / ((System.nanoTime() - start) / 1e9);
	}

	private static java.net.http.HttpResponse<String> send(HttpClient http, HttpRequest.Builder request)
			throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
	}

	private static void waitUntilUp(HttpClient http, String base) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			try {
				if (send(http, HttpRequest.newBuilder(URI.create(base + "/")).GET()).statusCode() == 200) {
					return;
				}
			}
			catch (Exception ex) {
				// not up yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the service did not come up at " + base);
	}

	private static long percentile(List<Long> values, int percentile) {
		if (values.isEmpty()) {
			return -1;
		}
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	private static String others(Map<Integer, LongAdder> statuses) {
		StringBuilder others = new StringBuilder();
		statuses.forEach((status, count) -> {
			if (status != 200 && status != 503) {
				others.append(status).append('=').append(count.sum()).append(' ');
			}
		});
		return others.isEmpty() ? "none" : others.toString().trim();
	}

}
