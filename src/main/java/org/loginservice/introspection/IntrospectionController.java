package org.loginservice.introspection;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /introspect} (RFC 7662), for the resource servers of
 * {@link IntrospectionSettings}: a form body with the {@code token}, HTTP Basic as one of
 * them. The resource server is checked before the token is read (see
 * {@link IntrospectionClients}).
 */
@RestController
class IntrospectionController {

	private final IntrospectionService introspection;

	IntrospectionController(IntrospectionService introspection) {
		this.introspection = introspection;
	}

	@PostMapping(path = "/introspect", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	IntrospectionResponse introspect(IntrospectionClient client, @Valid IntrospectionRequest request) {
		return this.introspection.introspect(client, request.token());
	}

}
