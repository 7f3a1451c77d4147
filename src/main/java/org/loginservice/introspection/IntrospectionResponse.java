package org.loginservice.introspection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.loginservice.session.SessionService.LiveSession;

/**
 * RFC 7662 §2.2's answer: for a live session who it is and how long it lasts, and for
 * anything else {@code {"active": false}} alone, which says nothing of why.
 *
 * @param active whether the token belongs to a live session
 * @param sub the account's name, as shown
 * @param username the same name, as RFC 7662 names it
 * @param exp when the session expires unless it is used before then, in seconds since the
 * epoch (the login's {@code expiresAt})
 * @param iat when the session began, in seconds since the epoch
 * @param tokenType always {@code Bearer}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IntrospectionResponse(boolean active, String sub, String username, Long exp, Long iat,
		@JsonProperty("token_type") String tokenType) {

	static final IntrospectionResponse INACTIVE = new IntrospectionResponse(false, null, null, null, null, null);

	static IntrospectionResponse of(LiveSession session) {
		return new IntrospectionResponse(true, session.username(), session.username(),
				session.expiresAt().getEpochSecond(), session.issuedAt().getEpochSecond(), "Bearer");
	}

}
