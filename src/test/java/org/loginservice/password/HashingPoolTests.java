package org.loginservice.password;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loginservice.HashingSettings;
import org.loginservice.MutableClock;
import org.loginservice.PasswordSettings;
import org.loginservice.password.bcrypt.Bcrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class HashingPoolTests {

	private final MutableClock clock = new MutableClock();

	private final PasswordHasher passwords = new PasswordHasher(new PasswordSettings(15, 3, 4));

	private final GatedHashes hashes = new GatedHashes();

	private HashingPool pool = pool(1, 1);

	@AfterEach
	void stop() {
		this.hashes.release.countDown();
		this.pool.destroy();
	}

	@Test
	void runWhenFreeThenGivesTheComputationsOutcome() {
		this.hashes.release.countDown();
		String hash;
		try (HashingPool.Admission admission = this.pool.admit()) {
			hash = admission.run(this.passwords.hashing("correct horse battery"));
		}
		try (HashingPool.Admission admission = this.pool.admit()) {
			assertThat(admission.run(this.passwords.checking("correct horse battery", hash))).isTrue();
		}
	}

	@Test
	void whenThreadsBusyAndQueueFullThenRefusedAtOnce() throws Exception {
		CompletableFuture<String> busy = hashAsync("first");
		assertThat(this.hashes.started.await(10, TimeUnit.SECONDS)).isTrue();
		// One thread: two lanes, the second idle since nothing waited; one place in the
		// queue.
		CompletableFuture<String> second = hashAsync("second");
		CompletableFuture<String> third = hashAsync("third");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.pool.waiting() == 2);

		assertThatExceptionOfType(Overloaded.class).isThrownBy(this.pool::admit);

		this.hashes.release.countDown();
		assertThat(busy.get(10, TimeUnit.SECONDS)).startsWith("$2b$04$");
		assertThat(second.get(10, TimeUnit.SECONDS)).startsWith("$2b$04$");
		assertThat(third.get(10, TimeUnit.SECONDS)).startsWith("$2b$04$");
		try (HashingPool.Admission admission = this.pool.admit()) {
			assertThat(admission.run(this.passwords.hashing("fourth"))).startsWith("$2b$04$");
		}
	}

	@Test
	void whenWorkWaitedInQueueTooLongThenShedInsteadOfRun() throws Exception {
		hashAsync("first");
		assertThat(this.hashes.started.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> queued = hashAsync("second");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.pool.waiting() == 1);

		this.clock.advance(Duration.ofMillis(1001));
		this.hashes.release.countDown();

		assertThat(queued).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(Exception.class)
			.havingCause()
			.isInstanceOf(Overloaded.class);
	}

	@Test
	void whenTwoWaitingThenComputedTogetherWithTheirOwnResults() throws Exception {
		this.pool.destroy();
		this.pool = pool(1, 2);
		String stored = this.passwords.encode("correct horse battery");
		CompletableFuture<String> busy = hashAsync("first");
		assertThat(this.hashes.started.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Boolean> right = checkAsync("correct horse battery", stored);
		CompletableFuture<Boolean> wrong = checkAsync("correct horse battery!", stored);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.pool.waiting() == 2);

		this.hashes.release.countDown();

		assertThat(busy.get(10, TimeUnit.SECONDS)).startsWith("$2b$04$");
		assertThat(right.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(wrong.get(10, TimeUnit.SECONDS)).isFalse();
		assertThat(this.hashes.pairs.get()).isEqualTo(1);
	}

	@Test
	void whenOneOfAPairFailsThenOnlyItFails() throws Exception {
		this.pool.destroy();
		this.pool = pool(1, 2);
		CompletableFuture<String> busy = hashAsync("first");
		assertThat(this.hashes.started.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> broken = CompletableFuture.supplyAsync(() -> {
			try (HashingPool.Admission admission = this.pool.admit()) {
				return admission.run(new PasswordHasher.Work<>(new byte[] { 'x' }, "not a salt", (hash) -> hash));
			}
		});
		CompletableFuture<String> good = hashAsync("second");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.pool.waiting() == 2);

		this.hashes.release.countDown();

		assertThat(busy.get(10, TimeUnit.SECONDS)).startsWith("$2b$04$");
		assertThat(good.get(10, TimeUnit.SECONDS)).startsWith("$2b$04$");
		assertThat(broken).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(Exception.class)
			.havingCause()
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void whenComputationThrowsErrorThenCallerGetsItAndThreadLivesOn() throws Exception {
		this.pool.destroy();
		AtomicInteger calls = new AtomicInteger();
		this.pool = new HashingPool(new HashingSettings(1, 1, Duration.ofSeconds(1)), this.clock,
				new SimpleMeterRegistry(), new HashingPool.Hashes() {

					@Override
					public String one(byte[] key, String salt) {
						if (calls.incrementAndGet() == 1) {
							throw new StackOverflowError();
						}
						return Bcrypt.hash(key, salt);
					}

					@Override
					public String[] two(byte[] key1, String salt1, byte[] key2, String salt2) {
						return Bcrypt.hashPair(key1, salt1, key2, salt2);
					}

				});

		assertThat(hashAsync("first")).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(Exception.class)
			.havingRootCause()
			.isInstanceOf(StackOverflowError.class);
		assertThat(hashAsync("second").get(10, TimeUnit.SECONDS)).startsWith("$2b$04$");
	}

	@Test
	void whenStoppedThenWaitingWorkIsShedAndNothingMoreAdmitted() throws Exception {
		hashAsync("first");
		assertThat(this.hashes.started.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> queued = hashAsync("second");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.pool.waiting() == 1);

		this.pool.destroy();

		assertThat(queued).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(Exception.class)
			.havingCause()
			.isInstanceOf(Overloaded.class);
		assertThatExceptionOfType(Overloaded.class).isThrownBy(this.pool::admit);
	}

	private HashingPool pool(int threads, int queue) {
		return new HashingPool(new HashingSettings(threads, queue, Duration.ofSeconds(1)), this.clock,
				new SimpleMeterRegistry(), this.hashes);
	}

	private CompletableFuture<String> hashAsync(String password) {
		return CompletableFuture.supplyAsync(() -> {
			try (HashingPool.Admission admission = this.pool.admit()) {
				return admission.run(this.passwords.hashing(password));
			}
		});
	}

	private CompletableFuture<Boolean> checkAsync(String password, String hash) {
		return CompletableFuture.supplyAsync(() -> {
			try (HashingPool.Admission admission = this.pool.admit()) {
				return admission.run(this.passwords.checking(password, hash));
			}
		});
	}

	/** Real BCrypt that holds every computation until released, counting pairs. */
	private static final class GatedHashes implements HashingPool.Hashes {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger pairs = new AtomicInteger();

		@Override
		public String one(byte[] key, String salt) {
			this.started.countDown();
			awaitRelease();
			return Bcrypt.hash(key, salt);
		}

		@Override
		public String[] two(byte[] key1, String salt1, byte[] key2, String salt2) {
			this.pairs.incrementAndGet();
			awaitRelease();
			return Bcrypt.hashPair(key1, salt1, key2, salt2);
		}

		private void awaitRelease() {
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
