package org.loginservice.login;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.loginservice.session.SessionService;
import org.loginservice.user.User;

/**
 * A successful login, with a password or with both steps: the account as its owner sees
 * it, and a bearer token for the requests that follow.
 *
 * @param username the account's name, as shown
 * @param data the account's data
 * @param token the bearer token, for {@code Authorization: Bearer <token>}
 * @param tokenType always {@code Bearer}
 * @param expiresAt when the token expires unless it is used before then, to the second
 * (the fraction would only be noise to a client)
 */
record LoginResponse(String username, String data, String token, String tokenType,
		Instant expiresAt) implements LoginAnswer {

	LoginResponse(User user, SessionService.IssuedToken token) {
		this(user.getUsername(), user.getData(), token.token(), "Bearer",
				token.expiresAt().truncatedTo(ChronoUnit.SECONDS));
	}

}
