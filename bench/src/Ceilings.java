import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;

import org.loginservice.password.PasswordHasher;
import org.loginservice.password.bcrypt.Bcrypt;

/**
 * Raw BCrypt speed outside the service: how many times the work completes per second
 * with one thread (or process) per core.
 */
final class Ceilings {

	static final int CORES = Runtime.getRuntime().availableProcessors();

	private Ceilings() {
	}

	/** Runs the work on every core for the given seconds; it must return true each time. */
	static double perSecond(double seconds, BooleanSupplier work) throws InterruptedException {
		return perSecond(seconds, 1, work);
	}

	/** As {@link #perSecond(double, BooleanSupplier)}, for work that does this many at once. */
	static double perSecond(double seconds, int perCall, BooleanSupplier work) throws InterruptedException {
		LongAdder done = new LongAdder();
		long end = System.nanoTime() + (long) (seconds * 1e9);
		ExecutorService pool = Executors.newFixedThreadPool(CORES);
		long start = System.nanoTime();
		List<Future<?>> threads = new ArrayList<>();
		for (int i = 0; i < CORES; i++) {
			threads.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					if (!work.getAsBoolean()) {
						throw new IllegalStateException("the check failed");
					}
					done.add(perCall);
				}
			}));
		}
		pool.shutdown();
		for (Future<?> thread : threads) {
			try {
				thread.get();
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("a raw BCrypt run failed", ex.getCause());
			}
		}
		return done.sum() / ((System.nanoTime() - start) / 1e9);
	}

	/** Two checks at once, as the service's hashing threads run them when two wait. */
	static BooleanSupplier twoChecks(PasswordHasher hasher, String password, String hash) {
		return () -> both(hasher.checking(password, hash), hasher.checking(password, hash),
				(first, second) -> first && second);
	}

	/** Two new hashes at once, as the service's hashing threads run them when two wait. */
	static BooleanSupplier twoHashes(PasswordHasher hasher, String password) {
		return () -> both(hasher.hashing(password), hasher.hashing(password),
				(first, second) -> first.startsWith("$2b$") && second.startsWith("$2b$"));
	}

	private static <T> boolean both(PasswordHasher.Work<T> first, PasswordHasher.Work<T> second, BiPredicate<T, T> ok) {
		String[] hashes = Bcrypt.hashPair(first.key(), first.salt(), second.key(), second.salt());
		return ok.test(first.outcome().apply(hashes[0]), second.outcome().apply(hashes[1]));
	}

	/** Checks per second of the C BCrypt behind Python's bcrypt package, one process per core. */
	static double python(String password, String hash, double seconds) throws Exception {
		String script = """
				import bcrypt, multiprocessing, sys, time
				def work(end):
				    n = 0
				    while time.time() < end:
				        assert bcrypt.checkpw(sys.argv[1].encode(), sys.argv[2].encode())
				        n += 1
				    return n
				if __name__ == "__main__":
				    cores, seconds = int(sys.argv[3]), float(sys.argv[4])
				    start = time.time()
				    with multiprocessing.Pool(cores) as pool:
				        total = sum(pool.map(work, [start + seconds] * cores))
				    print(total / (time.time() - start))
				""";
		Process python = new ProcessBuilder("/usr/bin/python3", "-c", script, password, hash, String.valueOf(CORES),
				String.valueOf(seconds))
			.redirectErrorStream(true)
			.start();
		String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (python.waitFor() != 0) {
			throw new IllegalStateException("python3 bcrypt failed: " + output);
		}
		return Double.parseDouble(output.lines().reduce((first, last) -> last).orElseThrow());
	}

}
