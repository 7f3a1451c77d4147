package org.loginservice.login;

import org.loginservice.session.SessionService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A successful login: the account as its owner sees it, and a bearer token for the
 * requests that follow.
 *
 * @param username the account's name, as shown
 * @param data the account's data
 * @param token the bearer token, for {@code Authorization: Bearer <token>}
 * @param tokenType always {@code Bearer}
 * @param expiresAt when the token expires unless it is used before then, to the second
 * (the fraction would only be noise to a client)
 */
record LoginResponse(String username, String data, String token, String tokenType, Instant expiresAt) {

	LoginResponse(String username, String data, SessionService.IssuedToken token) {
		this(username, data, token.token(), "Bearer", token.expiresAt().truncatedTo(ChronoUnit.SECONDS));
	}

}
