package org.loginservice.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The passkeys table: per credential, what checking a login with it needs (its public
 * key, signature counter, flags and transports) and what its owner sees.
 */
@Component
class StoredPasskeys {

	private static final String COLUMNS = "credential_id, user_id, user_handle, public_key, sign_count, transports, "
			+ "uv_initialized, backup_eligible, backup_state, label, created_at, last_used_at";

	private final JdbcTemplate jdbc;

	StoredPasskeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The longest public key stored, as base64url: over 2,000 bytes of COSE key. */
	static final int MAX_PUBLIC_KEY_LENGTH = 2800;

	/**
	 * Adds the passkey if the account has fewer than {@code max}: the account's row is
	 * locked first, so that simultaneous additions are counted one after the other.
	 * @return whether it was added
	 */
	@Transactional
	public boolean addIfFewerThan(Row row, int max) {
		this.jdbc.queryForList("SELECT id FROM users WHERE id = ? FOR UPDATE", Long.class, row.userId());
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM passkeys WHERE user_id = ?", Integer.class,
				row.userId());
		if (count >= max) {
			return false;
		}
		add(row);
		return true;
	}

	private void add(Row row) {
		this.jdbc.update("INSERT INTO passkeys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				row.credentialId(), row.userId(), row.userHandle(), row.publicKey(), row.signCount(),
				String.join(",", row.transports()), row.uvInitialized(), row.backupEligible(), row.backupState(),
				row.label(), utc(row.createdAt()), (row.lastUsedAt() != null) ? utc(row.lastUsedAt()) : null);
	}

	Optional<Row> find(String credentialId) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM passkeys WHERE credential_id = ?", StoredPasskeys::row, credentialId)
			.stream()
			.findFirst();
	}

	/** The account's passkeys, oldest first. */
	List<Row> of(long userId) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM passkeys WHERE user_id = ? ORDER BY created_at, credential_id",
				StoredPasskeys::row, userId);
	}

	/** The user handle of the account's passkeys, if it has one. */
	Optional<String> userHandle(long userId) {
		return this.jdbc
			.queryForList("SELECT user_handle FROM passkeys WHERE user_id = ? ORDER BY created_at", String.class,
					userId)
			.stream()
			.findFirst();
	}

	/**
	 * Records a login with the passkey, if no other login raced it to a counter at least
	 * as high: a counter that does not grow means two authenticators share the key.
	 * @return whether it was recorded
	 */
	boolean used(String credentialId, long signCount, boolean backupState, Instant now) {
		return this.jdbc.update("""
				UPDATE passkeys SET sign_count = ?, backup_state = ?, last_used_at = ?
				WHERE credential_id = ? AND (sign_count < ? OR (sign_count = 0 AND ? = 0))""", signCount, backupState,
				utc(now.truncatedTo(ChronoUnit.MINUTES)), credentialId, signCount, signCount) == 1;
	}

	boolean delete(long userId, String credentialId) {
		return this.jdbc.update("DELETE FROM passkeys WHERE user_id = ? AND credential_id = ?", userId,
				credentialId) == 1;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String transports = rs.getString("transports");
		OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
		return new Row(rs.getString("credential_id"), rs.getLong("user_id"), rs.getString("user_handle"),
				rs.getString("public_key"), rs.getLong("sign_count"),
				transports.isEmpty() ? List.of() : Arrays.asList(transports.split(",")),
				rs.getBoolean("uv_initialized"), rs.getBoolean("backup_eligible"), rs.getBoolean("backup_state"),
				rs.getString("label"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				(lastUsed != null) ? lastUsed.toInstant() : null);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A stored passkey.
	 *
	 * @param credentialId the credential id, base64url
	 * @param userId the account
	 * @param userHandle the random user handle the authenticator keeps with it, base64url
	 * @param publicKey the credential's COSE public key, base64url
	 * @param signCount the signature counter of its last use
	 * @param transports how a browser reaches its authenticator
	 * @param uvInitialized whether its user was verified when it was made
	 * @param backupEligible whether it can be synced to other devices
	 * @param backupState whether it was, at its last use
	 * @param label the name its owner gave it
	 * @param createdAt when it was added
	 * @param lastUsedAt when it last logged in, or null
	 */
	record Row(String credentialId, long userId, String userHandle, String publicKey, long signCount,
			List<String> transports, boolean uvInitialized, boolean backupEligible, boolean backupState, String label,
			Instant createdAt, Instant lastUsedAt) {

		Passkey view() {
			return new Passkey(this.credentialId, this.label, this.createdAt.truncatedTo(ChronoUnit.SECONDS),
					this.lastUsedAt);
		}

	}

}
