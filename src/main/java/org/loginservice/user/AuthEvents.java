package org.loginservice.user;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Records each authentication event twice: one log line with its outcome, name and client
 * address (never a password or token), and a count by outcome, scraped as
 * {@code auth_logins_total{outcome="..."}} and {@code auth_registrations_total}.
 */
@Component
@Lazy(false)
public class AuthEvents {

	private static final Logger log = LoggerFactory.getLogger(AuthEvents.class);

	private final Map<String, Counter> logins;

	private final Map<String, Counter> registrations;

	private final Map<String, Counter> resets;

	AuthEvents(MeterRegistry meters) {
		this.logins = counters(meters, "auth.logins", "success", "failure", "throttled", "challenged", "shed",
				"second-factor", "wrong-code", "recovered", "passkey", "passkey-failure");
		this.registrations = counters(meters, "auth.registrations", "created", "taken", "throttled", "challenged",
				"shed");
		this.resets = counters(meters, "auth.password.resets", "reset", "refused");
	}

	/**
	 * @param outcome success, failure, throttled, challenged or shed; for an account with
	 * a second factor, second-factor (a right password, the second step to come), then
	 * success or recovered (a right code, or a recovery code used) or wrong-code; see
	 * {@link #passkeyLogin} for passkeys
	 */
	public void login(String outcome, Username name, String address) {
		log.info("login outcome={} username={} address={}", outcome, name.forLog(), address);
		this.logins.get(outcome).increment();
	}

	/**
	 * A login with a passkey, which names no account until it succeeds.
	 * @param outcome passkey (logged in), passkey-failure or throttled
	 * @param username the account's name, or null when none is known
	 */
	public void passkeyLogin(String outcome, String username, String address) {
		log.info("login outcome={} username={} address={}", outcome,
				(username != null) ? Username.of(username).forLog() : "-", address);
		this.logins.get(outcome).increment();
	}

	/**
	 * @param outcome created, taken, throttled, challenged or shed
	 */
	void registration(String outcome, Username name, String address) {
		log.info("register outcome={} username={} address={}", outcome, name.forLog(), address);
		this.registrations.get(outcome).increment();
	}

	/**
	 * A change to an account's passkeys.
	 * @param outcome added or deleted
	 */
	public void passkey(String outcome, String username) {
		log.info("passkey outcome={} username={}", outcome, Username.of(username).forLog());
	}

	/**
	 * A password reset with an operator's code.
	 * @param outcome reset or refused
	 */
	public void passwordReset(String outcome, String username, String address) {
		log.info("password-reset outcome={} username={} address={}", outcome, Username.of(username).forLog(), address);
		this.resets.get(outcome).increment();
	}

	void deletion(Username name) {
		log.info("delete outcome=deleted username={}", name.forLog());
	}

	/**
	 * Made once, at start-up (the bean is not lazy), and so scraped at 0 before the first
	 * event, which alerts on rates need.
	 */
	private static Map<String, Counter> counters(MeterRegistry meters, String name, String... outcomes) {
		return Arrays.stream(outcomes)
			.collect(Collectors.toUnmodifiableMap(Function.identity(),
					(outcome) -> Counter.builder(name).tag("outcome", outcome).register(meters)));
	}

}
