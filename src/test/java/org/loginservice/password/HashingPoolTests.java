package org.loginservice.password;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loginservice.HashingSettings;
import org.loginservice.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class HashingPoolTests {

	private final MutableClock clock = new MutableClock();

	private final HashingPool pool = new HashingPool(new HashingSettings(1, 1, Duration.ofSeconds(1)), this.clock,
			new SimpleMeterRegistry());

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.release.countDown();
		this.pool.destroy();
	}

	@Test
	void runsWorkAndReturnsItsResult() {
		try (HashingPool.Admission admission = this.pool.admit()) {
			assertThat(admission.run(() -> 42)).isEqualTo(42);
		}
	}

	@Test
	void whenThreadsBusyAndQueueFullThenRefusedAtOnce() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CompletableFuture<Boolean> busy = runAsync(() -> {
			started.countDown();
			return waitFor(this.release);
		});
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Boolean> queued = runAsync(() -> true);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.pool.waiting() == 1);

		assertThatExceptionOfType(Overloaded.class).isThrownBy(this.pool::admit);

		this.release.countDown();
		assertThat(busy.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(queued.get(10, TimeUnit.SECONDS)).isTrue();
		try (HashingPool.Admission admission = this.pool.admit()) {
			assertThat(admission.run(() -> true)).isTrue();
		}
	}

	@Test
	void whenWorkWaitedInQueueTooLongThenShedInsteadOfRun() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		runAsync(() -> {
			started.countDown();
			return waitFor(this.release);
		});
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Boolean> queued = runAsync(() -> true);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.pool.waiting() == 1);

		this.clock.advance(Duration.ofMillis(1001));
		this.release.countDown();

		assertThat(queued).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(Exception.class)
			.havingCause()
			.isInstanceOf(Overloaded.class);
	}

	private CompletableFuture<Boolean> runAsync(Supplier<Boolean> work) {
		return CompletableFuture.supplyAsync(() -> {
			try (HashingPool.Admission admission = this.pool.admit()) {
				return admission.run(work);
			}
		});
	}

	private static boolean waitFor(CountDownLatch latch) {
		try {
			return latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
