package org.loginservice.user;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Records each authentication event twice: one log line with its outcome, name and client
 * address (never a password or token), and a count by outcome, scraped as
 * {@code auth_logins_total{outcome="..."}} and {@code auth_registrations_total}.
 */
@Component
class AuthEvents {

	private static final Logger log = LoggerFactory.getLogger(AuthEvents.class);

	private final MeterRegistry meters;

	AuthEvents(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * @param outcome success, failure, throttled or shed
	 */
	void login(String outcome, Username name, String address) {
		log.info("login outcome={} username={} address={}", outcome, name.forLog(), address);
		count("auth.logins", outcome);
	}

	/**
	 * @param outcome created, taken, throttled or shed
	 */
	void registration(String outcome, Username name, String address) {
		log.info("register outcome={} username={} address={}", outcome, name.forLog(), address);
		count("auth.registrations", outcome);
	}

	void deletion(Username name) {
		log.info("delete outcome=deleted username={}", name.forLog());
	}

	private void count(String name, String outcome) {
		Counter.builder(name).tag("outcome", outcome).register(this.meters).increment();
	}

}
