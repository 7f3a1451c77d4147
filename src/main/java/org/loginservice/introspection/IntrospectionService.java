package org.loginservice.introspection;

import org.loginservice.session.SessionService;

import org.springframework.stereotype.Service;

/**
 * Tells a resource server whether a bearer token is alive (RFC 7662), without keeping it
 * alive: an introspection is no use of the session, or a resource server that checks
 * every request would stretch every session it sees to its full lifetime.
 */
@Service
class IntrospectionService {

	private final SessionService sessions;

	private final IntrospectionEvents events;

	IntrospectionService(SessionService sessions, IntrospectionEvents events) {
		this.sessions = sessions;
		this.events = events;
	}

	IntrospectionResponse introspect(IntrospectionClient client, String token) {
		return this.sessions.inspect(token).map((session) -> {
			this.events.active(client, session.username());
			return IntrospectionResponse.of(session);
		}).orElseGet(() -> {
			this.events.inactive(client);
			return IntrospectionResponse.INACTIVE;
		});
	}

}
