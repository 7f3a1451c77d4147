package org.loginservice.introspection;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Records each introspection twice: one log line with its outcome and the resource server
 * that asked (never the token), and a count scraped as
 * {@code auth_introspections_total{client="...",outcome="active|inactive|refused"}}. A
 * caller that named no configured resource server is {@code client="-"}: what it sent is
 * neither logged nor made a tag.
 */
@Component
@Lazy(false)
class IntrospectionEvents {

	private static final Logger log = LoggerFactory.getLogger(IntrospectionEvents.class);

	private static final String NO_CLIENT = "-";

	private final Map<String, Counter> counters = new HashMap<>();

	/** Made at start-up (the bean is not lazy), and so scraped at 0 before the first. */
	IntrospectionEvents(MeterRegistry meters, IntrospectionSettings settings) {
		for (String client : settings.clients().keySet()) {
			for (String outcome : new String[] { "active", "inactive", "refused" }) {
				this.counters.put(key(client, outcome), counter(meters, client, outcome));
			}
		}
		this.counters.put(key(NO_CLIENT, "refused"), counter(meters, NO_CLIENT, "refused"));
	}

	/** A token of a live session, named by its account. */
	void active(IntrospectionClient client, String username) {
		log.info("introspect outcome=active client={} username={}", client.name(), username);
		this.counters.get(key(client.name(), "active")).increment();
	}

	/** Anything else: malformed, unknown, expired, revoked. */
	void inactive(IntrospectionClient client) {
		log.info("introspect outcome=inactive client={}", client.name());
		this.counters.get(key(client.name(), "inactive")).increment();
	}

	/**
	 * @param client the configured resource server the caller named with a wrong secret,
	 * or null if it named none
	 */
	void refused(String client, String address) {
		String name = (client != null) ? client : NO_CLIENT;
		log.info("introspect outcome=refused client={} address={}", name, address);
		this.counters.get(key(name, "refused")).increment();
	}

	private static String key(String client, String outcome) {
		return client + " " + outcome;
	}

	private static Counter counter(MeterRegistry meters, String client, String outcome) {
		return Counter.builder("auth.introspections").tag("client", client).tag("outcome", outcome).register(meters);
	}

}
