package org.loginservice.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.loginservice.session.OpaqueTokens;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Logins whose password was right, waiting for the second step, each under an
 * {@code mfaToken} (one of {@link OpaqueTokens}: only its hash is stored). One lives 5
 * minutes, is used once, and dies after 5 wrong codes.
 * <p>
 * A second step takes its pending login out of the table before it checks the code, and
 * puts it back, with one more wrong code, only if the code was wrong: so simultaneous
 * guesses on one token are checked one at a time, and 5 is a limit under any load.
 */
@Component
class PendingLogins {

	static final Duration LIFETIME = Duration.ofMinutes(5);

	static final int MAX_WRONG_CODES = 5;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	PendingLogins(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A pending login for the account, and its token, which is never stored. */
	Issued start(long userId) {
		String token = OpaqueTokens.generate();
		Instant expiresAt = this.clock.instant().plus(LIFETIME);
		this.jdbc.update(
				"INSERT INTO pending_logins (token_hash, user_id, wrong_codes, expires_at) VALUES (?, ?, 0, ?)",
				OpaqueTokens.hash(token), userId, utc(expiresAt));
		return new Issued(token, expiresAt);
	}

	/**
	 * Takes the token's pending login, if it is alive: no other request can use it until
	 * it is {@linkplain #giveBack given back}.
	 */
	Optional<Pending> take(String token) {
		if (!OpaqueTokens.wellFormed(token)) {
			return Optional.empty();
		}
		String hash = OpaqueTokens.hash(token);
		Optional<Pending> pending = this.jdbc
			.query("SELECT user_id, wrong_codes, expires_at FROM pending_logins WHERE token_hash = ?",
					(row, n) -> new Pending(hash, row.getLong(1), row.getInt(2),
							row.getObject(3, OffsetDateTime.class).toInstant()),
					hash)
			.stream()
			.findFirst()
			.filter((found) -> this.clock.instant().isBefore(found.expiresAt()));
		return pending
			.filter((found) -> this.jdbc.update("DELETE FROM pending_logins WHERE token_hash = ? AND wrong_codes = ?",
					hash, found.wrongCodes()) == 1);
	}

	/** The second step was never tried (the name is locked): the token lives on. */
	void giveBack(Pending pending) {
		put(pending, pending.wrongCodes());
	}

	/**
	 * The code was wrong: the token lives on with one more wrong code, unless it was the
	 * last.
	 */
	void wrongCode(Pending pending) {
		if (pending.wrongCodes() + 1 < MAX_WRONG_CODES) {
			put(pending, pending.wrongCodes() + 1);
		}
	}

	/** Ends every pending login of the account. */
	void endAll(long userId) {
		this.jdbc.update("DELETE FROM pending_logins WHERE user_id = ?", userId);
	}

	/** Deletes expired pending logins; safe to run on every instance at once. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void purge() {
		this.jdbc.update("DELETE FROM pending_logins WHERE expires_at <= ?", utc(this.clock.instant()));
	}

	private void put(Pending pending, int wrongCodes) {
		try {
			this.jdbc.update(
					"INSERT INTO pending_logins (token_hash, user_id, wrong_codes, expires_at) VALUES (?, ?, ?, ?)",
					pending.tokenHash(), pending.userId(), wrongCodes, utc(pending.expiresAt()));
		}
		catch (DataIntegrityViolationException ex) {
			// The account was deleted meanwhile, and its logins with it.
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * @param token the {@code mfaToken}
	 * @param expiresAt when it dies
	 */
	record Issued(String token, Instant expiresAt) {

	}

	/**
	 * A pending login, taken for one second step.
	 *
	 * @param tokenHash the stored hash of its token
	 * @param userId the account
	 * @param wrongCodes wrong codes so far
	 * @param expiresAt when it dies
	 */
	record Pending(String tokenHash, long userId, int wrongCodes, Instant expiresAt) {

	}

}
