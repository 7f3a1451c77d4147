package org.loginservice.admin;

import java.time.Instant;

/**
 * An account as an operator sees it: no password hash, no data.
 *
 * @param username the name, as registered
 * @param createdAt when it was registered
 * @param lastLoginAt when it last logged in, or null if it never has
 * @param locked whether its name is locked now by failed logins
 * @param totp whether its logins ask for a second factor
 * @param passkeys how many passkeys it has
 */
public record UserSummary(String username, Instant createdAt, Instant lastLoginAt, boolean locked, boolean totp,
		int passkeys) {

}
