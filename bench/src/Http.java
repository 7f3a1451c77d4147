import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
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
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/** The benchmarks' HTTP client: requests, and loads from several clients with their statuses and latencies. */
final class Http {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private Http() {
	}

	static HttpResponse<String> post(String url, String json) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json)));
	}

	static HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	static String login(String username, String password) {
		return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return client.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs the request from this many clients, each in a loop, for the given seconds. */
	static Load run(double seconds, int clients, IntFunction<HttpResponse<String>> request) throws InterruptedException {
		Load load = new Load();
		long end = System.nanoTime() + (long) (seconds * 1e9);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		for (int i = 0; i < clients; i++) {
			int client = i;
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					load.time(() -> request.apply(client));
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination((long) seconds + 120, TimeUnit.SECONDS);
		load.addSeconds((System.nanoTime() - start) / 1e9);
		return load;
	}

	/** Statuses and latencies of many requests, over the seconds they took. */
	static final class Load {

		private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

		private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

		private final LongAdder errors = new LongAdder();

		private double seconds;

		/** Sends one request and records its status and latency, or counts it as an error. */
		HttpResponse<String> time(java.util.function.Supplier<HttpResponse<String>> request) {
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = request.get();
				this.millis.add((System.nanoTime() - start) / 1e6);
				this.statuses.computeIfAbsent(response.statusCode(), (status) -> new LongAdder()).increment();
				return response;
			}
			catch (IllegalStateException ex) {
				this.errors.increment();
				return null;
			}
		}

		void addSeconds(double seconds) {
			this.seconds += seconds;
		}

		/** Adds another load's figures to these, as if measured together. */
		Load add(Load other) {
			other.statuses.forEach((status, count) -> this.statuses.computeIfAbsent(status, (s) -> new LongAdder())
				.add(count.sum()));
			this.millis.addAll(other.millis);
			this.errors.add(other.errors.sum());
			this.seconds += other.seconds;
			return this;
		}

		long count(int status) {
			LongAdder count = this.statuses.get(status);
			return (count != null) ? count.sum() : 0;
		}

		double perSecond(int status) {
			return count(status) / this.seconds;
		}

		int size() {
			return this.millis.size();
		}

		long errors() {
			return this.errors.sum();
		}

		/** Statuses other than these, as "status=count" pairs. */
		String otherStatuses(int... expected) {
			StringBuilder others = new StringBuilder();
			this.statuses.forEach((status, count) -> {
				if (java.util.Arrays.stream(expected).noneMatch((e) -> e == status)) {
					others.append(status).append('=').append(count.sum()).append(' ');
				}
			});
			return others.isEmpty() ? "none" : others.toString().trim();
		}

		double percentile(double percentile) {
			List<Double> sorted = new ArrayList<>(this.millis);
			Collections.sort(sorted);
			if (sorted.isEmpty()) {
				return -1;
			}
			int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
			return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
		}

	}

}
