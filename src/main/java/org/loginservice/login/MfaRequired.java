package org.loginservice.login;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A right password for an account with a second factor: no session and no data yet, only
 * the token that {@code POST /login/totp} or {@code POST /login/recovery} takes.
 *
 * @param mfaRequired always {@code true}, for a client to tell this from a login
 * @param mfaToken the second step's token: 5 minutes, one use, 5 wrong codes at most
 * @param expiresAt when the token dies, to the second
 */
record MfaRequired(boolean mfaRequired, String mfaToken, Instant expiresAt) implements LoginAnswer {

	MfaRequired(PendingLogins.Issued issued) {
		this(true, issued.token(), issued.expiresAt().truncatedTo(ChronoUnit.SECONDS));
	}

}
