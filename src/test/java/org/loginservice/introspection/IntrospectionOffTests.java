package org.loginservice.introspection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;
import org.loginservice.session.OpaqueTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no resource server configured, the default, {@code POST /introspect} is not there:
 * it answers as a path the service does not have, whatever it is sent.
 */
class IntrospectionOffTests extends ApiTest {

	@Test
	void introspectAnswersAsAnUnknownPath() {
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString("orders:any secret at all".getBytes(StandardCharsets.UTF_8));
		Response unknown = api().header("Authorization", basic)
			.contentType(ContentType.URLENC)
			.formParam("token", OpaqueTokens.generate())
			.post("/nowhere");
		unknown.then().statusCode(404).contentType("application/problem+json");

		for (Response answer : new Response[] {
				api().header("Authorization", basic)
					.contentType(ContentType.URLENC)
					.formParam("token", OpaqueTokens.generate())
					.post("/introspect"),
				api().contentType(ContentType.URLENC).formParam("token", OpaqueTokens.generate()).post("/introspect"),
				api().contentType(ContentType.URLENC)
					.formParam("token_type_hint", "access_token")
					.post("/introspect") }) {
			answer.then().statusCode(404).contentType("application/problem+json");
			assertThat(answer.asString()).isEqualTo(unknown.asString().replace("/nowhere", "/introspect"));
		}
	}

}
