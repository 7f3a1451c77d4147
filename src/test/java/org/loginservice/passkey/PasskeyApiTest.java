package org.loginservice.passkey;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.loginservice.SecondFactorApiTest;
import org.loginservice.passkey.SoftwareAuthenticator.Ceremony;

/**
 * Base of the passkey tests: the two ceremonies over HTTP, with a software authenticator.
 */
abstract class PasskeyApiTest extends SecondFactorApiTest {

	protected final SoftwareAuthenticator authenticator = new SoftwareAuthenticator(false);

	protected Map<String, Object> creationOptions(String token) {
		return api().auth()
			.oauth2(token)
			.post("/me/passkeys/options")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath()
			.getMap("");
	}

	protected Response add(String token, Map<String, Object> credential, String label) {
		Map<String, Object> body = (label != null) ? Map.of("credential", credential, "label", label)
				: Map.of("credential", credential);
		return api().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/me/passkeys");
	}

	/** Adds a passkey to the account and returns its id. */
	protected String passkey(String token) {
		Map<String, Object> credential = this.authenticator.create(creationOptions(token), Ceremony.HONEST);
		return add(token, credential, "Laptop").then().statusCode(201).extract().path("id");
	}

	protected Map<String, Object> requestOptions() {
		return api().post("/login/passkey/options").then().statusCode(200).extract().jsonPath().getMap("");
	}

	/** An assertion of the passkey for fresh login options. */
	protected Map<String, Object> assertion(String credentialId, Ceremony ceremony) {
		return this.authenticator.get(credentialId, requestOptions(), ceremony);
	}

	protected Response loginWith(Map<String, Object> assertion) {
		return api().contentType(ContentType.JSON).body(Map.of("credential", assertion)).post("/login/passkey");
	}

}
