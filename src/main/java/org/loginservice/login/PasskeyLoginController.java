package org.loginservice.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.loginservice.passkey.PasskeyOptionsThrottle;
import org.loginservice.passkey.RequestOptions;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A login with a passkey alone, in two requests: options for the browser, then its signed
 * answer, which gets the same body as a login with a password. A passkey is both factors,
 * so no second step follows.
 */
@RestController
class PasskeyLoginController {

	private final PasskeyLogins logins;

	private final PasskeyOptionsThrottle throttle;

	PasskeyLoginController(PasskeyLogins logins, PasskeyOptionsThrottle throttle) {
		this.logins = logins;
		this.throttle = throttle;
	}

	@PostMapping(path = "/login/passkey/options", produces = MediaType.APPLICATION_JSON_VALUE)
	RequestOptions options(HttpServletRequest http) {
		this.throttle.optionsIssued(http.getRemoteAddr());
		return this.logins.options(http.getRemoteAddr());
	}

	@PostMapping(path = "/login/passkey", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	LoginResponse login(@Valid @RequestBody PasskeyLogin request, HttpServletRequest http) {
		return this.logins.login(request.credential().toString(), http.getRemoteAddr());
	}

	/**
	 * @param credential the browser's {@code credential.toJSON()} after
	 * {@code navigator.credentials.get()}
	 */
	record PasskeyLogin(@NotNull(message = "is required") ObjectNode credential) {

	}

}
