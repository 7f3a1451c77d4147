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
 * {@code GET /login?username=U&password=P}: the account's data and a bearer token, or,
 * for an account with a second factor, the token of the second step and nothing else.
 * Answers only in JSON: any other {@code Accept} is 406 before any password is checked.
 */
@RestController
class LoginController {

	private final LoginService logins;

	private final SecondStep secondSteps;

	private final SessionService sessions;

	LoginController(LoginService logins, SecondStep secondSteps, SessionService sessions) {
		this.logins = logins;
		this.secondSteps = secondSteps;
		this.sessions = sessions;
	}

	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	LoginAnswer loginJson(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return login(request, http);
	}

	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	LoginAnswer loginForm(@Valid LoginRequest request, HttpServletRequest http) {
		return login(request, http);
	}

	@GetMapping(path = "/login", produces = MediaType.APPLICATION_JSON_VALUE)
	LoginAnswer loginQuery(@Valid LoginRequest request, HttpServletRequest http) {
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

	private LoginAnswer login(LoginRequest request, HttpServletRequest http) {
		LoginService.Checked checked = this.logins.login(request.username(), request.password(), request.altcha(),
				http.getRemoteAddr());
		User user = checked.user();
		if (checked.secondStep()) {
			return new MfaRequired(this.secondSteps.begin(user));
		}
		return new LoginResponse(user, this.sessions.issue(user.getId()));
	}

}
