package org.loginservice.introspection;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The resource servers that may ask {@code POST /introspect} whether a token is alive.
 *
 * @param clients each resource server's secret by its name
 * ({@code auth.introspection.clients.orders-api=<secret>}); the name is the user-id of
 * its HTTP Basic credentials and the secret the password. None, the default, turns the
 * endpoint off: it answers 404 as an unknown path does.
 */
@ConfigurationProperties("auth.introspection")
public record IntrospectionSettings(Map<String, String> clients) {

	/** Names that go into a log line and a metric's tag as they are. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final int MIN_SECRET_LENGTH = 32;

	public IntrospectionSettings {
		clients = (clients != null) ? Map.copyOf(clients) : Map.of();
		for (Map.Entry<String, String> client : clients.entrySet()) {
			if (!NAME.matcher(client.getKey()).matches()) {
				throw new IllegalArgumentException("auth.introspection.clients: a name is 1 to 64 letters, digits, "
						+ ". _ and -, beginning with a letter or a digit, not " + client.getKey());
			}
			if (client.getValue().length() < MIN_SECRET_LENGTH) {
				throw new IllegalArgumentException("auth.introspection.clients." + client.getKey() + ": the secret must"
						+ " be at least " + MIN_SECRET_LENGTH + " characters long (openssl rand -base64 32)");
			}
		}
	}

	/** Whether any resource server may introspect. */
	boolean enabled() {
		return !this.clients.isEmpty();
	}

	/** The names only: the secrets stay out of every log and error message. */
	@Override
	public String toString() {
		return "IntrospectionSettings[clients=" + this.clients.keySet() + "]";
	}

}
