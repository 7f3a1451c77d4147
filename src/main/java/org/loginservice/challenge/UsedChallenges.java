package org.loginservice.challenge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nonces of solved challenges, kept until the challenge expires, so that a solution
 * is good once on every instance: the primary key lets exactly one of simultaneous uses
 * through. Must run outside a transaction (a failed INSERT aborts a PostgreSQL one).
 */
@Component
class UsedChallenges {

	private final JdbcTemplate jdbc;

	private final ChallengeSettings settings;

	private final Clock clock;

	UsedChallenges(JdbcTemplate jdbc, ChallengeSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** Records the nonce; whether this was its first use. */
	boolean firstUse(String nonce, Instant expiresAt) {
		try {
			this.jdbc.update("INSERT INTO used_challenges (nonce, expires_at) VALUES (?, ?)", nonce,
					expiresAt.atOffset(ZoneOffset.UTC));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Forgets nonces a while after their challenge expired: once it has, the signed
	 * expiry refuses it anyway. The margin covers instances whose clocks differ.
	 */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void purge() {
		this.jdbc.update("DELETE FROM used_challenges WHERE expires_at < ?",
				this.clock.instant().minus(this.settings.ttl()).atOffset(ZoneOffset.UTC));
	}

}
