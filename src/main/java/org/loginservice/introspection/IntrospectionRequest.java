package org.loginservice.introspection;

import jakarta.validation.constraints.NotBlank;

/**
 * RFC 7662 §2.1's request, from a form body. A {@code token_type_hint} is ignored: this
 * service has one kind of token.
 *
 * @param token the bearer token a resource server was given
 */
record IntrospectionRequest(@NotBlank(message = "is required") String token) {

	/** Without the token, so that no log or debugger view ever shows it. */
	@Override
	public String toString() {
		return "IntrospectionRequest[]";
	}

}
