package org.loginservice.password;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.loginservice.HashingSettings;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs password hashing with bounded concurrency and a short bounded queue (see
 * {@link HashingSettings}), so that a flood of logins costs a fixed amount of CPU and
 * every caller gets an answer quickly: its result, or {@link Overloaded}.
 */
@Component
public class HashingPool implements DisposableBean {

	private final ThreadPoolExecutor executor;

	private final Duration maxQueueWait;

	private final Clock clock;

	public HashingPool(HashingSettings settings, Clock clock) {
		this.executor = new ThreadPoolExecutor(settings.threadCount(), settings.threadCount(), 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(settings.queueCapacity()), new HashingThreads());
		this.maxQueueWait = settings.maxQueueWait();
		this.clock = clock;
	}

	/**
	 * Runs the work on a hashing thread and waits for its result.
	 * @throws Overloaded if the queue is full, or the work waited in it too long
	 */
	public <T> T run(Supplier<T> work) {
		Instant queued = this.clock.instant();
		Future<T> result;
		try {
			result = this.executor.submit(() -> {
				if (Duration.between(queued, this.clock.instant()).compareTo(this.maxQueueWait) > 0) {
					throw new Overloaded();
				}
				return work.get();
			});
		}
		catch (RejectedExecutionException ex) {
			throw new Overloaded();
		}
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

	/** How many hashes are waiting for a thread. */
	int waiting() {
		return this.executor.getQueue().size();
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
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
