package org.loginservice.throttle;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Adds one to a counter row, making the row if there is none, atomically on H2 and on
 * PostgreSQL: update; if no row, insert; if another request inserted it meanwhile, update
 * again. H2 has no {@code ON CONFLICT ... DO UPDATE}, and PostgreSQL's {@code MERGE} is
 * not safe against concurrent inserts.
 * <p>
 * Must run outside a transaction: a failed INSERT aborts a PostgreSQL transaction.
 */
final class CounterRows {

	private CounterRows() {
	}

	/**
	 * @param update the UPDATE that adds one, with its arguments
	 * @param insert the INSERT of a row whose count is 1, with its arguments
	 * @return whether the row was made now (so its count is 1)
	 */
	static boolean increment(JdbcTemplate jdbc, Statement update, Statement insert) {
		if (jdbc.update(update.sql(), update.args()) > 0) {
			return false;
		}
		try {
			jdbc.update(insert.sql(), insert.args());
			return true;
		}
		catch (DuplicateKeyException ex) {
			jdbc.update(update.sql(), update.args());
			return false;
		}
	}

	record Statement(String sql, Object... args) {

	}

}
