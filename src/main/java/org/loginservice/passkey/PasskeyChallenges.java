package org.loginservice.passkey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.loginservice.session.OpaqueTokens;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The challenges of passkey ceremonies, kept in the database so that any instance can
 * finish a ceremony another began. Each is 32 random bytes, lives 5 minutes and is taken
 * once: the {@code DELETE} that takes it succeeds for exactly one of simultaneous uses.
 * Taking runs outside a transaction, so a challenge is spent even when what it came with
 * is refused.
 */
@Component
class PasskeyChallenges {

	static final Duration LIFETIME = Duration.ofMinutes(5);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	PasskeyChallenges(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new challenge to add a passkey to the account, under the given user handle. */
	String forRegistration(long userId, String userHandle) {
		return issue(Purpose.REGISTER, userId, userHandle);
	}

	/** A new challenge to log in with any passkey. */
	String forLogin() {
		return issue(Purpose.LOGIN, null, null);
	}

	/**
	 * Takes the account's registration challenge.
	 * @return the user handle it was issued with, if the challenge was the account's,
	 * alive and unused
	 */
	Optional<String> takeForRegistration(String challenge, long userId) {
		List<String> handles = this.jdbc.queryForList(
				"SELECT user_handle FROM passkey_challenges WHERE challenge = ? AND purpose = ? AND user_id = ?",
				String.class, challenge, Purpose.REGISTER.name(), userId);
		if (handles.isEmpty() || !take(challenge, Purpose.REGISTER)) {
			return Optional.empty();
		}
		return Optional.of(handles.get(0));
	}

	/** Takes a login challenge: whether it was alive and unused. */
	boolean takeForLogin(String challenge) {
		return take(challenge, Purpose.LOGIN);
	}

	private String issue(Purpose purpose, Long userId, String userHandle) {
		// 32 random bytes, base64url: what a bearer token is made of.
		String challenge = OpaqueTokens.generate();
		this.jdbc.update(
				"INSERT INTO passkey_challenges (challenge, purpose, user_id, user_handle, expires_at) VALUES (?, ?, ?, ?, ?)",
				challenge, purpose.name(), userId, userHandle,
				this.clock.instant().plus(LIFETIME).atOffset(ZoneOffset.UTC));
		return challenge;
	}

	private boolean take(String challenge, Purpose purpose) {
		return this.jdbc.update("DELETE FROM passkey_challenges WHERE challenge = ? AND purpose = ? AND expires_at > ?",
				challenge, purpose.name(), this.clock.instant().atOffset(ZoneOffset.UTC)) == 1;
	}

	/** Deletes expired challenges; safe to run on every instance at once. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void purge() {
		Instant now = this.clock.instant();
		this.jdbc.update("DELETE FROM passkey_challenges WHERE expires_at <= ?", now.atOffset(ZoneOffset.UTC));
	}

	private enum Purpose {

		REGISTER, LOGIN

	}

}
