package org.loginservice.password;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.loginservice.HashingSettings;
import org.loginservice.password.bcrypt.Bcrypt;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs password hashing with bounded concurrency and a short bounded queue (see
 * {@link HashingSettings}), so that a flood of logins costs a fixed amount of CPU and
 * every caller gets an answer quickly.
 * <p>
 * A request is {@linkplain #admit() admitted} before it does any other work, so that a
 * request that will be shed costs nothing but its refusal: no lookup, no throttle
 * bookkeeping, no thread waiting.
 * <p>
 * A hashing thread that finds two computations waiting runs them together (see
 * {@link Bcrypt#hashPair}): in about the time of one, so under load the cores do nearly
 * twice the checks. A lone computation never waits for a partner.
 */
@Component
public class HashingPool implements DisposableBean {

	private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();

	private final List<Thread> threads = new ArrayList<>();

	private final Semaphore admissions;

	private final Duration maxQueueWait;

	private final Clock clock;

	private final Timer hashing;

	private final Hashes hashes;

	private volatile boolean stopped;

	@Autowired
	public HashingPool(HashingSettings settings, Clock clock, MeterRegistry meters) {
		this(settings, clock, meters, Hashes.BCRYPT);
	}

	/** With other hashes than BCrypt's: for tests that hold a computation. */
	HashingPool(HashingSettings settings, Clock clock, MeterRegistry meters, Hashes hashes) {
		this.admissions = new Semaphore(2 * settings.threadCount() + settings.queueCapacity());
		this.maxQueueWait = settings.maxQueueWait();
		this.clock = clock;
		this.hashes = hashes;
		this.hashing = Timer.builder("auth.password.hashing")
			.description("Time to hash or check one password (or two together), not counting the wait for a thread")
			.register(meters);
		for (int i = 1; i <= settings.threadCount(); i++) {
			Thread thread = new Thread(this::work, "hashing-" + i);
			thread.setDaemon(true);
			thread.start();
			this.threads.add(thread);
		}
	}

	/**
	 * Admits one request to hashing: there is room for it among the computations running
	 * or waiting, twice the threads (each computes two at once) plus the queue.
	 * @throws Overloaded if neither is
	 */
	public Admission admit() {
		if (this.stopped || !this.admissions.tryAcquire()) {
			throw new Overloaded();
		}
		return new Admission();
	}

	/** How many hashes are waiting for a thread. */
	int waiting() {
		return this.queue.size();
	}

	/**
	 * Stops the threads and sheds whatever still waits, so that no caller waits for ever.
	 */
	@Override
	public void destroy() {
		this.stopped = true;
		this.threads.forEach(Thread::interrupt);
		for (Job job = this.queue.poll(); job != null; job = this.queue.poll()) {
			job.result().completeExceptionally(new Overloaded());
		}
	}

	private void work() {
		try {
			while (!this.stopped) {
				Job first = this.queue.take();
				Job second = this.queue.poll();
				List<Job> jobs = new ArrayList<>(2);
				for (Job job : (second != null) ? List.of(first, second) : List.of(first)) {
					if (stillWanted(job)) {
						jobs.add(job);
					}
				}
				run(jobs);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Sheds a job that waited too long for a thread: its caller gets 503 at once. */
	private boolean stillWanted(Job job) {
		Duration waited = Duration.between(job.queued(), this.clock.instant());
		if (waited.compareTo(this.maxQueueWait) > 0) {
			job.result().completeExceptionally(new Overloaded());
		}
		return !job.result().isDone();
	}

	private void run(List<Job> jobs) {
		long start = System.nanoTime();
		if (jobs.size() == 2) {
			Job a = jobs.get(0);
			Job b = jobs.get(1);
			try {
				String[] both = this.hashes.two(a.key(), a.salt(), b.key(), b.salt());
				a.result().complete(both[0]);
				b.result().complete(both[1]);
			}
			catch (Throwable ex) {
				// One bad computation must not fail its partner: each alone, as if
				// unpaired.
				runAlone(a);
				runAlone(b);
			}
		}
		else if (jobs.size() == 1) {
			runAlone(jobs.get(0));
		}
		jobs.forEach((job) -> this.hashing.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
	}

	/**
	 * Completes the job whatever happens, so that its caller never waits for ever and the
	 * thread lives on to take the next.
	 */
	private void runAlone(Job job) {
		try {
			job.result().complete(this.hashes.one(job.key(), job.salt()));
		}
		catch (Throwable ex) {
			job.result().completeExceptionally(ex);
		}
	}

	/** A request's place in the pool, held until it is closed. */
	public final class Admission implements AutoCloseable {

		private final AtomicBoolean closed = new AtomicBoolean();

		private Admission() {
		}

		/**
		 * Runs the work's computation on a hashing thread and waits for its result.
		 * @throws Overloaded if the work waited too long for a thread
		 */
		public <T> T run(PasswordHasher.Work<T> work) {
			Job job = new Job(work.key(), work.salt(), HashingPool.this.clock.instant(), new CompletableFuture<>());
			HashingPool.this.queue.add(job);
			if (HashingPool.this.stopped) {
				job.result().completeExceptionally(new Overloaded());
			}
			try {
				return work.outcome().apply(job.result().get());
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				job.result().cancel(true);
				throw new Overloaded();
			}
		}

		@Override
		public void close() {
			if (this.closed.compareAndSet(false, true)) {
				HashingPool.this.admissions.release();
			}
		}

	}

	private record Job(byte[] key, String salt, Instant queued, CompletableFuture<String> result) {

	}

	/** Computes BCrypt hashes: one at a time, or two at once. */
	interface Hashes {

		Hashes BCRYPT = new Hashes() {

			@Override
			public String one(byte[] key, String salt) {
				return Bcrypt.hash(key, salt);
			}

			@Override
			public String[] two(byte[] key1, String salt1, byte[] key2, String salt2) {
				return Bcrypt.hashPair(key1, salt1, key2, salt2);
			}

		};

		String one(byte[] key, String salt);

		String[] two(byte[] key1, String salt1, byte[] key2, String salt2);

	}

}
