package org.loginservice.totp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's second factor: a TOTP authenticator (RFC 6238: HMAC-SHA-1, 6 digits, 30
 * seconds) and its recovery codes.
 * <p>
 * A code is accepted at most once: the last accepted time step is stored, and a code for
 * it or an earlier step is refused (RFC 6238 section 5.2), by a conditional update that
 * exactly one of simultaneous requests wins, on one instance or many. A recovery code is
 * used by deleting its row, which exactly one request can do. Changes to an account's
 * factors run in a transaction that locks the account's row first, so that they never
 * interleave; reads and the checks of a login are single statements, with no transaction
 * to open on every {@code GET /me} and every login.
 */
@Service
public class TotpFactors {

	/** 160 bits, the length RFC 4226 recommends. */
	private static final int SECRET_BYTES = 20;

	/** A step before any: the first code of a new authenticator is always new. */
	private static final long NO_STEP = -1;

	private final SecureRandom random = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final TotpSecrets secrets;

	private final TotpSettings settings;

	private final Clock clock;

	TotpFactors(JdbcTemplate jdbc, TotpSecrets secrets, TotpSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Starts enrolling an authenticator, or starts again with a new secret: nothing is
	 * asked at login until {@link #confirm} proves the user's authenticator has it.
	 * @throws TotpEnabled if the account already has one
	 */
	@Transactional
	public TotpEnrolment enrol(long userId, String username) {
		lockAccount(userId);
		Optional<Factor> factor = factor(userId);
		if (factor.filter(Factor::confirmed).isPresent()) {
			throw new TotpEnabled();
		}
		byte[] secret = new byte[SECRET_BYTES];
		this.random.nextBytes(secret);
		String sealed = this.secrets.seal(userId, secret);
		if (factor.isPresent()) {
			this.jdbc.update(
					"UPDATE totp_factors SET sealed_secret = ?, last_step = ?, created_at = ? WHERE user_id = ?",
					sealed, NO_STEP, now(), userId);
		}
		else {
			this.jdbc.update(
					"INSERT INTO totp_factors (user_id, sealed_secret, last_step, created_at) VALUES (?, ?, ?, ?)",
					userId, sealed, NO_STEP, now());
		}
		return TotpEnrolment.of(this.settings.issuer(), username, secret);
	}

	/**
	 * Turns the enrolled authenticator on, with a current code from it.
	 * @return the new recovery codes, shown this once
	 * @throws NoTotp if no enrolment is in progress
	 * @throws TotpEnabled if it is on already
	 * @throws WrongCode if the code is not the authenticator's now
	 */
	@Transactional
	public List<String> confirm(long userId, String code) {
		lockAccount(userId);
		Factor factor = factor(userId).orElseThrow(NoTotp::new);
		if (factor.confirmed()) {
			throw new TotpEnabled();
		}
		long step = matchingStep(userId, factor, code).orElseThrow(WrongCode::new);
		this.jdbc.update("UPDATE totp_factors SET confirmed_at = ?, last_step = ? WHERE user_id = ?", now(), step,
				userId);
		return replaceRecoveryCodes(userId);
	}

	/**
	 * Turns the second factor off, with a current code or an unused recovery code: one
	 * who lost the authenticator and logged in with a recovery code can enrol a new one.
	 * @throws NoTotp if it is off
	 * @throws WrongCode if the code is neither
	 */
	@Transactional
	public void disable(long userId, String code) {
		lockAccount(userId);
		Factor factor = confirmed(userId);
		if (!accept(userId, factor, code) && !redeem(userId, code)) {
			throw new WrongCode();
		}
		this.jdbc.update("DELETE FROM recovery_codes WHERE user_id = ?", userId);
		this.jdbc.update("DELETE FROM totp_factors WHERE user_id = ?", userId);
	}

	/**
	 * Turns the second factor off without a code, for an operator: the account's secret
	 * and recovery codes are deleted, whether it was on, being enrolled or off.
	 */
	@Transactional
	public void remove(long userId) {
		this.jdbc.update("DELETE FROM recovery_codes WHERE user_id = ?", userId);
		this.jdbc.update("DELETE FROM totp_factors WHERE user_id = ?", userId);
	}

	/**
	 * A new set of recovery codes; the old set is dead.
	 * @throws NoTotp if the second factor is off
	 */
	@Transactional
	public List<String> newRecoveryCodes(long userId) {
		lockAccount(userId);
		confirmed(userId);
		return replaceRecoveryCodes(userId);
	}

	/** Whether the account's logins need a second step. */
	public boolean enabled(long userId) {
		return factor(userId).filter(Factor::confirmed).isPresent();
	}

	/** Whether the second factor is on, and how many recovery codes are left. */
	public Status status(long userId) {
		return this.jdbc.queryForObject("""
				SELECT (SELECT COUNT(*) FROM totp_factors WHERE user_id = ? AND confirmed_at IS NOT NULL),
				(SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?)""",
				(row, n) -> new Status(row.getInt(1) > 0, row.getInt(2)), userId, userId);
	}

	/** Accepts a current code of the account's authenticator, once. */
	public boolean acceptCode(long userId, String code) {
		Optional<Factor> factor = factor(userId).filter(Factor::confirmed);
		return factor.isPresent() && accept(userId, factor.get(), code);
	}

	/**
	 * Accepts one of the account's recovery codes, once. An account has some only while
	 * its second factor is on: turning it off deletes them.
	 */
	public boolean acceptRecoveryCode(long userId, String code) {
		return redeem(userId, code);
	}

	private boolean accept(long userId, Factor factor, String code) {
		Optional<Long> step = matchingStep(userId, factor, code);
		return step.isPresent() && this.jdbc.update(
				"UPDATE totp_factors SET last_step = ? WHERE user_id = ? AND confirmed_at IS NOT NULL AND last_step < ?",
				step.get(), userId, step.get()) == 1;
	}

	/**
	 * The step, one before now to one after (for clocks that drift), whose code this is,
	 * if it is later than the last step accepted.
	 */
	private Optional<Long> matchingStep(long userId, Factor factor, String code) {
		Optional<String> digits = Totp.normalise(code);
		if (digits.isEmpty()) {
			return Optional.empty();
		}
		byte[] secret = this.secrets.open(userId, factor.sealedSecret());
		long now = Totp.step(this.clock.instant());
		for (long step = Math.max(now - 1, factor.lastStep() + 1); step <= now + 1; step++) {
			if (Totp.matches(digits.get(), Totp.code(secret, step))) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	private boolean redeem(long userId, String code) {
		return RecoveryCodes.normalise(code)
			.map((normalised) -> this.jdbc.update("DELETE FROM recovery_codes WHERE user_id = ? AND code_hash = ?",
					userId, RecoveryCodes.hash(normalised)) == 1)
			.orElse(false);
	}

	private List<String> replaceRecoveryCodes(long userId) {
		this.jdbc.update("DELETE FROM recovery_codes WHERE user_id = ?", userId);
		List<String> codes = RecoveryCodes.generate(this.random);
		List<Object[]> rows = new ArrayList<>();
		for (String code : codes) {
			rows.add(new Object[] { userId, RecoveryCodes.hash(RecoveryCodes.normalise(code).orElseThrow()) });
		}
		this.jdbc.batchUpdate("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)", rows);
		return codes;
	}

	private Factor confirmed(long userId) {
		return factor(userId).filter(Factor::confirmed).orElseThrow(NoTotp::new);
	}

	private Optional<Factor> factor(long userId) {
		return this.jdbc
			.query("SELECT sealed_secret, confirmed_at, last_step FROM totp_factors WHERE user_id = ?",
					(row, n) -> new Factor(row.getString(1), row.getObject(2) != null, row.getLong(3)), userId)
			.stream()
			.findFirst();
	}

	/** Serialises changes to one account's factors, on every instance. */
	private void lockAccount(long userId) {
		this.jdbc.queryForList("SELECT id FROM users WHERE id = ? FOR UPDATE", Long.class, userId);
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	/**
	 * @param totp whether logins need a second step
	 * @param recoveryCodesLeft how many recovery codes are unused
	 */
	public record Status(boolean totp, int recoveryCodesLeft) {

	}

	private record Factor(String sealedSecret, boolean confirmed, long lastStep) {

	}

}
