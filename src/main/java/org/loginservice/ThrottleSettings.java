package org.loginservice;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on guessing, kept in the database so that they survive restarts and are shared
 * by every instance on one database.
 *
 * @param failuresBeforeLockout consecutive failed logins on one name, existing or not,
 * after which it is locked
 * @param firstLockout the first lockout; each further failure doubles it
 * @param maxLockout the longest lockout: at 15 minutes an attacker gets about 100 guesses
 * a day at most
 * @param failedLoginsPerAddress failed logins one client address may make in
 * {@code failedLoginWindow}, over any names (password spraying)
 * @param failedLoginWindow the window of {@code failedLoginsPerAddress}
 * @param registrationsPerAddress accounts one client address may make in
 * {@code registrationWindow}: a backstop far above normal use, since the proof-of-work
 * challenges slow registrations long before it; a name found taken does not count
 * @param registrationWindow the window of {@code registrationsPerAddress}
 */
@ConfigurationProperties("auth.throttle")
public record ThrottleSettings(@DefaultValue("5") int failuresBeforeLockout, @DefaultValue("1s") Duration firstLockout,
		@DefaultValue("15m") Duration maxLockout, @DefaultValue("30") int failedLoginsPerAddress,
		@DefaultValue("1m") Duration failedLoginWindow, @DefaultValue("100") int registrationsPerAddress,
		@DefaultValue("1h") Duration registrationWindow) {

}
