package org.loginservice.introspection;

/**
 * The caller of {@code POST /introspect} sent no HTTP Basic credentials, or not those of
 * a configured resource server: which, is not said.
 */
public class InvalidClient extends RuntimeException {

	InvalidClient() {
		super("Introspection is for the resource servers named in auth.introspection.clients: send one's name and"
				+ " secret with HTTP Basic", null, false, false);
	}

}
