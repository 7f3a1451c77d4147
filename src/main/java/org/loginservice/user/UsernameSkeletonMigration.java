package org.loginservice.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Migration V5: fills {@code username_skeleton} for the accounts made before it, so that
 * V6 can make it unique. Where two existing names look alike, the older account (the
 * lower id) keeps the skeleton and the later one is left without, logged with both ids
 * (never the names); nothing is deleted, and both still log in by their canonical name.
 * <p>
 * A bean rather than a class in {@code db.migration}, as it computes the skeleton with
 * the code registration uses; Spring Boot hands {@link JavaMigration} beans to Flyway.
 */
@Component
class UsernameSkeletonMigration implements JavaMigration {

	private static final Logger log = LoggerFactory.getLogger(UsernameSkeletonMigration.class);

	/** Rows read and written at a time, so that a large table is not held in memory. */
	private static final int PAGE = 1000;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("5");
	}

	@Override
	public String getDescription() {
		return "fill username skeletons";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		long filled = fill(connection);
		int collisions = unsetCollisions(connection);
		log.info("Filled the username skeletons of {} accounts; {} left without, as their look-alikes came first",
				filled, collisions);
	}

	private long fill(Connection connection) throws SQLException {
		long filled = 0;
		long after = Long.MIN_VALUE;
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT id, canonical_username FROM users WHERE id > ? ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY");
				PreparedStatement update = connection
					.prepareStatement("UPDATE users SET username_skeleton = ? WHERE id = ?")) {
			int rows;
			do {
				rows = 0;
				select.setLong(1, after);
				try (ResultSet page = select.executeQuery()) {
					while (page.next()) {
						after = page.getLong(1);
						update.setString(1, UsernameRules.skeleton(page.getString(2)));
						update.setLong(2, after);
						update.addBatch();
						rows++;
					}
				}
				update.executeBatch();
				filled += rows;
			}
			while (rows == PAGE);
		}
		return filled;
	}

	/**
	 * Ordered by skeleton, then id: the first row of each skeleton keeps it, the rows
	 * after it lose it.
	 */
	private int unsetCollisions(Connection connection) throws SQLException {
		int collisions = 0;
		try (PreparedStatement select = connection.prepareStatement("SELECT username_skeleton, id FROM users "
				+ "WHERE username_skeleton IN (SELECT username_skeleton FROM users GROUP BY username_skeleton "
				+ "HAVING COUNT(*) > 1) ORDER BY username_skeleton, id");
				PreparedStatement update = connection
					.prepareStatement("UPDATE users SET username_skeleton = NULL WHERE id = ?");
				ResultSet rows = select.executeQuery()) {
			String skeleton = null;
			long first = 0;
			while (rows.next()) {
				if (!rows.getString(1).equals(skeleton)) {
					skeleton = rows.getString(1);
					first = rows.getLong(2);
					continue;
				}
				long later = rows.getLong(2);
				log.warn("Account id={} has a username that looks like that of account id={}: kept, without a "
						+ "skeleton; both still log in", later, first);
				update.setLong(1, later);
				update.addBatch();
				collisions++;
			}
			update.executeBatch();
		}
		return collisions;
	}

}
