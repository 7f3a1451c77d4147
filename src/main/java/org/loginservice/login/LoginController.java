package org.loginservice.login;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.loginservice.session.SessionService;
import org.loginservice.user.User;

import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /login} with a JSON or form body, and the tutorial's
 * {@code GET /login?username=U&password=P}: the account's data and a bearer token.
 * Answers only in JSON: any other {@code Accept} is 406 before any password is checked.
 */
@RestController
class LoginController {

	private final LoginService logins;

	private final SessionService sessions;

	LoginController(LoginService logins, SessionService sessions) {
		this.logins = logins;
		this.sessions = sessions;
	}

	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	LoginResponse loginJson(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return login(request, http);
	}

	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	LoginResponse loginForm(@Valid LoginRequest request, HttpServletRequest http) {
		return login(request, http);
	}

	@GetMapping(path = "/login", produces = MediaType.APPLICATION_JSON_VALUE)
	LoginResponse loginQuery(@Valid LoginRequest request, HttpServletRequest http) {
		return login(request, http);
	}

	/**
	 * Spring MVC would answer {@code HEAD} with the {@code GET} handler: a login, and a
	 * session whose token nobody receives.
	 */
	@RequestMapping(path = "/login", method = RequestMethod.HEAD)
	void head() throws HttpRequestMethodNotSupportedException {
		throw new HttpRequestMethodNotSupportedException("HEAD", List.of("GET", "POST"));
	}

	private LoginResponse login(LoginRequest request, HttpServletRequest http) {
		User user = this.logins.login(request.username(), request.password(), request.altcha(), http.getRemoteAddr());
		return new LoginResponse(user.getUsername(), user.getData(), this.sessions.issue(user.getId()));
	}

}
