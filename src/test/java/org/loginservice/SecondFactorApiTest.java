package org.loginservice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Base of the tests of the second factor, on a clock the tests move. Codes come from an
 * authenticator that shares no code with the service's ({@code dev.samstevens.totp}), fed
 * only with the Base32 secret the service hands out, as an app would be.
 */
@Import(MutableClock.Config.class)
public abstract class SecondFactorApiTest extends ApiTest {

	protected static final String PASSWORD = "violet-Quartz-river-92";

	protected static final Duration STEP = Duration.ofSeconds(30);

	private static final DefaultCodeGenerator authenticator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	@Autowired
	protected MutableClock clock;

	/** A new account's name. */
	protected String registered(String prefix) {
		String name = uniqueName(prefix);
		api().contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", PASSWORD, "data", "data of " + name))
			.post("/register")
			.then()
			.statusCode(201);
		return name;
	}

	protected Response login(String name) {
		return api().contentType(ContentType.JSON).body(Map.of("username", name, "password", PASSWORD)).post("/login");
	}

	/** A bearer token of the account, from a login that needs no second step. */
	protected String token(String name) {
		return login(name).then().statusCode(200).extract().path("token");
	}

	/** Enrols an authenticator and returns its Base32 secret. */
	protected String enrol(String token) {
		return api().auth()
			.oauth2(token)
			.contentType(ContentType.JSON)
			.body(Map.of("password", PASSWORD))
			.post("/me/totp")
			.then()
			.statusCode(200)
			.extract()
			.path("secret");
	}

	protected Response confirm(String token, String code) {
		return api().auth()
			.oauth2(token)
			.contentType(ContentType.JSON)
			.body(Map.of("code", code))
			.post("/me/totp/confirm");
	}

	/** An account with TOTP on: its name, its secret and its recovery codes. */
	protected Enrolled enrolled(String prefix) {
		String name = registered(prefix);
		String secret = enrol(token(name));
		List<String> codes = confirm(token(name), code(secret)).then().statusCode(200).extract().path("recoveryCodes");
		this.clock.advance(STEP);
		return new Enrolled(name, secret, codes);
	}

	/** The mfaToken of a right password for an account with TOTP on. */
	protected String mfaToken(String name) {
		return login(name).then().statusCode(200).extract().path("mfaToken");
	}

	protected Response secondStep(String path, String mfaToken, String code) {
		return api().contentType(ContentType.JSON).body(Map.of("mfaToken", mfaToken, "code", code)).post(path);
	}

	/** The authenticator's code now. */
	protected String code(String secret) {
		return code(secret, this.clock.instant());
	}

	protected static String code(String secret, Instant at) {
		try {
			return authenticator.generate(secret, Math.floorDiv(at.getEpochSecond(), STEP.toSeconds()));
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A six-digit code that is not the authenticator's around now. */
	protected String wrongCode(String secret) {
		Instant now = this.clock.instant();
		List<String> near = List.of(code(secret, now.minus(STEP)), code(secret, now), code(secret, now.plus(STEP)));
		for (int n = 0;; n++) {
			String candidate = String.format("%06d", n);
			if (!near.contains(candidate)) {
				return candidate;
			}
		}
	}

	/**
	 * @param name the account
	 * @param secret its authenticator's Base32 secret
	 * @param recoveryCodes its recovery codes, as shown
	 */
	protected record Enrolled(String name, String secret, List<String> recoveryCodes) {

	}

}
