package org.loginservice.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.loginservice.ThrottleSettings;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Locks a username, existing or not, after consecutive failed logins: from the configured
 * number of failures on, each failure locks the name for twice as long as the one before,
 * up to a cap. While locked, every login for the name is refused before any password
 * check, whatever the password and whoever asks.
 * <p>
 * A name with no failures costs one read per login. Once the next failure would lock the
 * name, an attempt is counted as a failure when it starts, by a compare-and-set on the
 * stored count, and forgiven if it succeeds: so simultaneous attempts cannot slip through
 * between the check and the count, on one instance or many, and a locked name gets one
 * guess per lockout.
 */
@Component
public class AccountThrottle {

	private static final int RETRIES = 3;

	private final JdbcTemplate jdbc;

	private final ThrottleSettings settings;

	private final Clock clock;

	AccountThrottle(JdbcTemplate jdbc, ThrottleSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Starts a login attempt on the canonical name.
	 * @throws TooManyAttempts if the name is locked
	 */
	public Attempt begin(String name) {
		for (int i = 0; i < RETRIES; i++) {
			Instant now = this.clock.instant();
			List<Failures> stored = this.jdbc.query(
					"SELECT failures, locked_until FROM login_failures WHERE canonical_username = ?",
					(row, n) -> new Failures(row.getInt(1), row.getObject(2, OffsetDateTime.class)), name);
			Failures failures = stored.isEmpty() ? new Failures(0, null) : stored.get(0);
			if (failures.lockedUntil() != null && now.isBefore(failures.lockedUntil().toInstant())) {
				throw new TooManyAttempts(Duration.between(now, failures.lockedUntil().toInstant()));
			}
			int count = failures.count() + 1;
			if (count < this.settings.failuresBeforeLockout()) {
				return new Attempt(name, failures.count(), false);
			}
			int updated = this.jdbc.update(
					"UPDATE login_failures SET failures = ?, locked_until = ?, last_attempt_at = ? WHERE canonical_username = ? AND failures = ?",
					count, lockedUntil(count, now), utc(now), name, failures.count());
			if (updated == 1) {
				return new Attempt(name, failures.count(), true);
			}
		}
		// Other attempts on this name kept winning the race: treat it as a burst.
		throw new TooManyAttempts(this.settings.firstLockout());
	}

	/**
	 * Forgets the canonical name's failed logins and lifts its lockout, for an operator.
	 */
	public void clear(String name) {
		this.jdbc.update("DELETE FROM login_failures WHERE canonical_username = ?", name);
	}

	/** Whether the canonical name is locked now. */
	public boolean locked(String name) {
		Instant now = this.clock.instant();
		return this.jdbc
			.queryForList("SELECT locked_until FROM login_failures WHERE canonical_username = ?", OffsetDateTime.class,
					name)
			.stream()
			.anyMatch((until) -> until != null && now.isBefore(until.toInstant()));
	}

	/** Consecutive failed logins on the canonical name. */
	public int failures(String name) {
		List<Integer> failures = this.jdbc
			.queryForList("SELECT failures FROM login_failures WHERE canonical_username = ?", Integer.class, name);
		return failures.isEmpty() ? 0 : failures.get(0);
	}

	/** The password was wrong. */
	public void failed(Attempt attempt) {
		if (attempt.counted()) {
			return;
		}
		Instant now = this.clock.instant();
		boolean first = CounterRows.increment(this.jdbc, new CounterRows.Statement(
				"UPDATE login_failures SET failures = failures + 1, last_attempt_at = ? WHERE canonical_username = ?",
				utc(now), attempt.name()),
				new CounterRows.Statement(
						"INSERT INTO login_failures (canonical_username, failures, last_attempt_at) VALUES (?, 1, ?)",
						attempt.name(), utc(now)));
		if (first) {
			return;
		}
		int count = this.jdbc.queryForObject("SELECT failures FROM login_failures WHERE canonical_username = ?",
				Integer.class, attempt.name());
		OffsetDateTime lockedUntil = lockedUntil(count, now);
		if (lockedUntil != null) {
			this.jdbc.update("UPDATE login_failures SET locked_until = ? WHERE canonical_username = ? AND failures = ?",
					lockedUntil, attempt.name(), count);
		}
	}

	/** The password was right: the count starts again. */
	public void succeeded(Attempt attempt) {
		if (attempt.failuresBefore() > 0 || attempt.counted()) {
			this.jdbc.update("DELETE FROM login_failures WHERE canonical_username = ?", attempt.name());
		}
	}

	/**
	 * The password was never checked (the request was shed): the attempt is given back.
	 */
	public void abandoned(Attempt attempt) {
		if (attempt.counted()) {
			this.jdbc.update(
					"UPDATE login_failures SET failures = ?, locked_until = NULL WHERE canonical_username = ? AND failures = ?",
					attempt.failuresBefore(), attempt.name(), attempt.failuresBefore() + 1);
		}
	}

	/** Forgets names that have seen no attempt for a day and are not locked. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void purge() {
		OffsetDateTime now = utc(this.clock.instant());
		this.jdbc.update(
				"DELETE FROM login_failures WHERE last_attempt_at < ? AND (locked_until IS NULL OR locked_until < ?)",
				now.minusDays(1), now);
	}

	private OffsetDateTime lockedUntil(int failures, Instant now) {
		int beyond = failures - this.settings.failuresBeforeLockout();
		if (beyond < 0) {
			return null;
		}
		Duration lockout = this.settings.firstLockout().multipliedBy(1L << Math.min(beyond, 30));
		return utc(
				now.plus((lockout.compareTo(this.settings.maxLockout()) < 0) ? lockout : this.settings.maxLockout()));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * One login attempt in progress.
	 *
	 * @param name the canonical username
	 * @param failuresBefore consecutive failures before this attempt
	 * @param counted whether the attempt was counted as a failure when it started
	 */
	public record Attempt(String name, int failuresBefore, boolean counted) {

	}

	private record Failures(int count, OffsetDateTime lockedUntil) {

	}

}
