package org.loginservice.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.loginservice.login.LoginService;
import org.loginservice.reset.ResetCodes;
import org.loginservice.session.SessionService;
import org.loginservice.throttle.AccountThrottle;
import org.loginservice.totp.TotpFactors;
import org.loginservice.user.User;
import org.loginservice.user.UserRepository;
import org.loginservice.user.UserService;
import org.loginservice.user.Username;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What an operator does to accounts, through the admin API on the management port or the
 * command line. Every action is an audit log line and a count,
 * {@code auth_admin_actions_total{action="..."}}; none logs a reset code.
 */
@Service
public class AdminService {

	private static final Logger log = LoggerFactory.getLogger(AdminService.class);

	static final int MAX_PAGE_SIZE = 100;

	private static final String SUMMARY = """
			SELECT u.username, u.created_at, u.last_login_at,
				(SELECT f.locked_until FROM login_failures f WHERE f.canonical_username = u.canonical_username) AS locked_until,
				EXISTS (SELECT 1 FROM totp_factors t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS totp,
				(SELECT COUNT(*) FROM passkeys p WHERE p.user_id = u.id) AS passkeys
			FROM users u""";

	private final JdbcTemplate jdbc;

	private final UserRepository users;

	private final UserService accounts;

	private final AccountThrottle lockouts;

	private final SessionService sessions;

	private final LoginService logins;

	private final TotpFactors factors;

	private final ResetCodes resetCodes;

	private final Clock clock;

	private final Map<String, Counter> actions;

	AdminService(JdbcTemplate jdbc, UserRepository users, UserService accounts, AccountThrottle lockouts,
			SessionService sessions, LoginService logins, TotpFactors factors, ResetCodes resetCodes, Clock clock,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.users = users;
		this.accounts = accounts;
		this.lockouts = lockouts;
		this.sessions = sessions;
		this.logins = logins;
		this.factors = factors;
		this.resetCodes = resetCodes;
		this.clock = clock;
		this.actions = Arrays.stream(
				new String[] { "list", "find", "unlock", "revoke-sessions", "password-reset", "remove-totp", "delete" })
			.collect(Collectors.toUnmodifiableMap(Function.identity(),
					(action) -> Counter.builder("auth.admin.actions").tag("action", action).register(meters)));
	}

	/**
	 * Accounts whose case-folded name contains the query, newest first.
	 * @param query part of a name; empty for every account
	 */
	public UserPage list(String query, int page, int size) {
		String pattern = "%" + like(Username.of(query).canonical()) + "%";
		List<UserSummary> found = this.jdbc
			.query(SUMMARY + " WHERE u.canonical_username LIKE ? ESCAPE '!' ORDER BY u.created_at DESC, u.id DESC"
					+ " LIMIT ? OFFSET ?", this::summary, pattern, size, (long) page * size);
		long total = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM users u WHERE u.canonical_username LIKE ? ESCAPE '!'", Long.class, pattern);
		audit("list", null);
		return new UserPage(found, page, size, total);
	}

	/**
	 * @throws NoSuchUser if no account has the name
	 */
	public UserSummary find(String username) {
		List<UserSummary> found = this.jdbc.query(SUMMARY + " WHERE u.canonical_username = ?", this::summary,
				Username.of(username).canonical());
		if (found.isEmpty()) {
			throw new NoSuchUser();
		}
		audit("find", found.get(0).username());
		return found.get(0);
	}

	/** Lifts the name's lockout: its next right login succeeds at once. */
	public void unlock(String username) {
		User user = user(username);
		this.lockouts.clear(Username.of(user.getUsername()).canonical());
		audit("unlock", user.getUsername());
	}

	/**
	 * Ends every session of the account at once, and every login waiting for a second
	 * step.
	 */
	public void revokeSessions(String username) {
		User user = user(username);
		this.sessions.revokeAll(user.getId());
		this.logins.endPendingLogins(user.getId());
		audit("revoke-sessions", user.getUsername());
	}

	/**
	 * A reset code for the account, to hand to its owner out of band; an earlier one
	 * dies.
	 */
	public ResetCodes.Issued passwordReset(String username) {
		User user = user(username);
		ResetCodes.Issued issued = this.resetCodes.issue(user.getId());
		audit("password-reset", user.getUsername());
		return issued;
	}

	/** Turns the account's second factor off: its logins need the password alone. */
	public void removeTotp(String username) {
		User user = user(username);
		this.factors.remove(user.getId());
		this.logins.endPendingLogins(user.getId());
		audit("remove-totp", user.getUsername());
	}

	/** Deletes the account, with its sessions, factors and passkeys. */
	public void delete(String username) {
		User user = user(username);
		this.accounts.delete(user);
		audit("delete", user.getUsername());
	}

	private User user(String username) {
		return this.users.findByCanonicalUsername(Username.of(username).canonical()).orElseThrow(NoSuchUser::new);
	}

	private void audit(String action, String username) {
		log.info("admin action={} username={}", action, (username != null) ? Username.of(username).forLog() : "-");
		this.actions.get(action).increment();
	}

	private UserSummary summary(ResultSet rs, int n) throws SQLException {
		OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
		OffsetDateTime lastLogin = rs.getObject("last_login_at", OffsetDateTime.class);
		Instant now = this.clock.instant();
		return new UserSummary(rs.getString("username"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				(lastLogin != null) ? lastLogin.toInstant() : null,
				lockedUntil != null && now.isBefore(lockedUntil.toInstant()), rs.getBoolean("totp"),
				rs.getInt("passkeys"));
	}

	/** The text as a literal in a LIKE pattern that escapes with {@code !}. */
	private static String like(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
