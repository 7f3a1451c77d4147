package org.loginservice.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.loginservice.SessionSettings;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Issues, checks and revokes bearer tokens.
 * <p>
 * A token is one of {@link OpaqueTokens}: only its hash is stored. Every check reads the
 * database, so a logout or a revocation is seen at once by every instance sharing it.
 */
@Service
public class SessionService {

	/** How stale the stored last use may get before a check writes it again. */
	private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	private final JdbcTemplate jdbc;

	private final SessionSettings settings;

	private final Clock clock;

	SessionService(JdbcTemplate jdbc, SessionSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Starts a session for the user and returns its token, which is never stored; the
	 * account's last login is now.
	 */
	public IssuedToken issue(long userId) {
		String token = OpaqueTokens.generate();
		Instant now = this.clock.instant();
		this.jdbc.update(
				"INSERT INTO sessions (token_hash, user_id, created_at, last_used_at, expires_at) VALUES (?, ?, ?, ?, ?)",
				OpaqueTokens.hash(token), userId, utc(now), utc(now), utc(now.plus(this.settings.lifetime())));
		this.jdbc.update("UPDATE users SET last_login_at = ? WHERE id = ?", utc(now), userId);
		return new IssuedToken(token, expiry(now, now.plus(this.settings.lifetime())));
	}

	/**
	 * The live session the token belongs to, with its user; a use of the session, which
	 * keeps it alive for another idle timeout.
	 * @throws InvalidToken if the token is malformed, unknown, expired or revoked
	 */
	public Authenticated authenticate(String token) {
		Instant now = this.clock.instant();
		Row row = live(token, now).orElseThrow(InvalidToken::new);
		if (Duration.between(row.lastUsed(), now).compareTo(LAST_USE_PRECISION) > 0) {
			this.jdbc.update("UPDATE sessions SET last_used_at = ? WHERE id = ?", utc(now), row.session().sessionId());
		}
		return row.session();
	}

	/**
	 * The live session the token belongs to, as {@link #authenticate} finds it, but
	 * without using it: its last use stays as it was, so that another service asking
	 * about a token does not keep it alive.
	 * @return empty if the token is malformed, unknown, expired or revoked
	 */
	public Optional<LiveSession> inspect(String token) {
		Instant now = this.clock.instant();
		return live(token, now).map((row) -> new LiveSession(row.session().username(), row.created(),
				expiry(row.lastUsed(), row.expires())));
	}

	private Optional<Row> live(String token, Instant now) {
		if (!OpaqueTokens.wellFormed(token)) {
			return Optional.empty();
		}
		List<Row> rows = this.jdbc.query("""
				SELECT s.id, s.created_at, s.last_used_at, s.expires_at, u.id, u.username, u.data
				FROM sessions s JOIN users u ON u.id = s.user_id
				WHERE s.token_hash = ?""",
				(rs, n) -> new Row(new Authenticated(rs.getLong(1), rs.getLong(5), rs.getString(6), rs.getString(7)),
						rs.getObject(2, OffsetDateTime.class).toInstant(),
						rs.getObject(3, OffsetDateTime.class).toInstant(),
						rs.getObject(4, OffsetDateTime.class).toInstant()),
				OpaqueTokens.hash(token));
		if (rows.isEmpty() || !now.isBefore(expiry(rows.get(0).lastUsed(), rows.get(0).expires()))) {
			return Optional.empty();
		}
		return Optional.of(rows.get(0));
	}

	/** Ends one session at once. */
	public void revoke(Authenticated session) {
		this.jdbc.update("DELETE FROM sessions WHERE id = ?", session.sessionId());
	}

	/** Ends every session of the account at once. */
	public void revokeAll(long userId) {
		this.jdbc.update("DELETE FROM sessions WHERE user_id = ?", userId);
	}

	/** Ends every other session of the session's user. */
	public void revokeOthers(Authenticated session) {
		this.jdbc.update("DELETE FROM sessions WHERE user_id = ? AND id <> ?", session.userId(), session.sessionId());
	}

	/** Deletes expired sessions; safe to run on every instance at once. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	public void purge() {
		Instant now = this.clock.instant();
		this.jdbc.update("DELETE FROM sessions WHERE expires_at <= ? OR last_used_at <= ?", utc(now),
				utc(now.minus(this.settings.idleTimeout())));
	}

	/** When a session last used at {@code lastUsed} expires, if it is not used again. */
	private Instant expiry(Instant lastUsed, Instant expires) {
		Instant idle = lastUsed.plus(this.settings.idleTimeout());
		return idle.isBefore(expires) ? idle : expires;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A new session's token, and when it expires unless it is used.
	 *
	 * @param token the bearer token
	 * @param expiresAt when it expires if unused
	 */
	public record IssuedToken(String token, Instant expiresAt) {

	}

	/**
	 * A live session, as another service may be told of it.
	 *
	 * @param username the account's name, as shown
	 * @param issuedAt when the session began: the login
	 * @param expiresAt when it expires unless it is used before then, as the login's
	 * {@code expiresAt} says
	 */
	public record LiveSession(String username, Instant issuedAt, Instant expiresAt) {

	}

	private record Row(Authenticated session, Instant created, Instant lastUsed, Instant expires) {

	}

}
