package org.loginservice.password;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.loginservice.HashingSettings;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs password hashing with bounded concurrency and a short bounded queue (see
 * {@link HashingSettings}), so that a flood of logins costs a fixed amount of CPU and
 * every caller gets an answer quickly.
 * <p>
 * A request is {@linkplain #admit() admitted} before it does any other work, so that a
 * request that will be shed costs nothing but its refusal: no lookup, no throttle
 * bookkeeping, no thread waiting.
 */
@Component
public class HashingPool implements DisposableBean {

	private final ThreadPoolExecutor executor;

	private final Semaphore admissions;

	private final Duration maxQueueWait;

	private final Clock clock;

	private final Timer hashing;

	public HashingPool(HashingSettings settings, Clock clock, MeterRegistry meters) {
		this.executor = new ThreadPoolExecutor(settings.threadCount(), settings.threadCount(), 0, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), new HashingThreads());
		this.admissions = new Semaphore(settings.threadCount() + settings.queueCapacity());
		this.maxQueueWait = settings.maxQueueWait();
		this.clock = clock;
		this.hashing = Timer.builder("auth.password.hashing")
			.description("Time to hash or check one password, not counting the wait for a thread")
			.register(meters);
	}

	/**
	 * Admits one request to hashing: a thread is free or a place in the queue is.
	 * @throws Overloaded if neither is
	 */
	public Admission admit() {
		if (!this.admissions.tryAcquire()) {
			throw new Overloaded();
		}
		return new Admission();
	}

	/** How many hashes are waiting for a thread. */
	int waiting() {
		return this.executor.getQueue().size();
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/** A request's place in the pool, held until it is closed. */
	public final class Admission implements AutoCloseable {

		private final AtomicBoolean closed = new AtomicBoolean();

		private Admission() {
		}

		/**
		 * Runs the work on a hashing thread and waits for its result.
		 * @throws Overloaded if the work waited too long for a thread
		 */
		public <T> T run(Supplier<T> work) {
			Instant queued = HashingPool.this.clock.instant();
			Future<T> result = HashingPool.this.executor.submit(() -> {
				Duration waited = Duration.between(queued, HashingPool.this.clock.instant());
				if (waited.compareTo(HashingPool.this.maxQueueWait) > 0) {
					throw new Overloaded();
				}
				return HashingPool.this.hashing.record(work);
			});
			try {
				return result.get();
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				result.cancel(true);
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

	private static final class HashingThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "hashing-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
