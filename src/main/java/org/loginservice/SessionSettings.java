package org.loginservice;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a login's bearer token lasts.
 *
 * @param idleTimeout a token unused for this long expires
 * @param lifetime a token expires this long after the login, however much it is used
 */
@ConfigurationProperties("auth.session")
public record SessionSettings(@DefaultValue("24h") Duration idleTimeout, @DefaultValue("30d") Duration lifetime) {

}
