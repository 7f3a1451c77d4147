package org.loginservice.throttle;

import java.time.Duration;

/**
 * A limit on attempts is reached; the client may try again after {@link #retryAfter()}.
 */
public class TooManyAttempts extends RuntimeException {

	private final Duration retryAfter;

	TooManyAttempts(Duration retryAfter) {
		super("Too many attempts; try again later", null, false, false);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
