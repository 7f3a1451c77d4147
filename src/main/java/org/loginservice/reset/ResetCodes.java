package org.loginservice.reset;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.loginservice.totp.RecoveryCodes;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Password reset codes, which an operator issues and hands to the user out of band: 80
 * random bits in the form of a recovery code, kept as a SHA-256 hash for 24 hours, one
 * live code per account. Taking one deletes its row: of simultaneous uses on any
 * instances, exactly one gets through. Runs outside a transaction (a failed INSERT aborts
 * a PostgreSQL one).
 */
@Component
public class ResetCodes {

	static final Duration LIFETIME = Duration.ofHours(24);

	private final SecureRandom random = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ResetCodes(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new code for the account; an earlier one dies. */
	public Issued issue(long userId) {
		String code = RecoveryCodes.one(this.random);
		Instant expiresAt = this.clock.instant().plus(LIFETIME);
		String hash = RecoveryCodes.hash(RecoveryCodes.normalise(code).orElseThrow());
		for (int i = 0; i < 2; i++) {
			if (this.jdbc.update("UPDATE password_resets SET code_hash = ?, expires_at = ? WHERE user_id = ?", hash,
					expiresAt.atOffset(ZoneOffset.UTC), userId) == 1) {
				break;
			}
			try {
				this.jdbc.update("INSERT INTO password_resets (user_id, code_hash, expires_at) VALUES (?, ?, ?)",
						userId, hash, expiresAt.atOffset(ZoneOffset.UTC));
				break;
			}
			catch (DuplicateKeyException ex) {
				// Another code was issued at the same moment: replace it.
			}
		}
		return new Issued(code, expiresAt);
	}

	/** Takes the account's code, if this is it, unexpired and unused. */
	boolean take(long userId, String typed) {
		Optional<String> code = RecoveryCodes.normalise(typed);
		return code.isPresent() && this.jdbc.update(
				"DELETE FROM password_resets WHERE user_id = ? AND code_hash = ? AND expires_at > ?", userId,
				RecoveryCodes.hash(code.get()), this.clock.instant().atOffset(ZoneOffset.UTC)) == 1;
	}

	/** Deletes expired codes; safe to run on every instance at once. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void purge() {
		this.jdbc.update("DELETE FROM password_resets WHERE expires_at <= ?",
				this.clock.instant().atOffset(ZoneOffset.UTC));
	}

	/**
	 * @param resetCode the code, shown only now
	 * @param expiresAt when it dies unused
	 */
	public record Issued(String resetCode, Instant expiresAt) {

	}

}
