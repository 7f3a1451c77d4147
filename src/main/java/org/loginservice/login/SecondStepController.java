package org.loginservice.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.loginservice.session.SessionService;
import org.loginservice.user.User;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /login/totp} and {@code POST /login/recovery}, with a JSON or form body:
 * the second step of a login, answered as a password login is for an account without a
 * second factor.
 */
@RestController
class SecondStepController {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final SecondStep secondSteps;

	private final SessionService sessions;

	SecondStepController(SecondStep secondSteps, SessionService sessions) {
		this.secondSteps = secondSteps;
		this.sessions = sessions;
	}

	@PostMapping(path = "/login/totp", consumes = JSON, produces = JSON)
	LoginResponse totpJson(@Valid @RequestBody SecondStepRequest request, HttpServletRequest http) {
		return totp(request, http);
	}

	@PostMapping(path = "/login/totp", consumes = FORM, produces = JSON)
	LoginResponse totpForm(@Valid SecondStepRequest request, HttpServletRequest http) {
		return totp(request, http);
	}

	@PostMapping(path = "/login/recovery", consumes = JSON, produces = JSON)
	LoginResponse recoveryJson(@Valid @RequestBody SecondStepRequest request, HttpServletRequest http) {
		return recovery(request, http);
	}

	@PostMapping(path = "/login/recovery", consumes = FORM, produces = JSON)
	LoginResponse recoveryForm(@Valid SecondStepRequest request, HttpServletRequest http) {
		return recovery(request, http);
	}

	private LoginResponse totp(SecondStepRequest request, HttpServletRequest http) {
		return loggedIn(this.secondSteps.withCode(request.mfaToken(), request.code(), http.getRemoteAddr()));
	}

	private LoginResponse recovery(SecondStepRequest request, HttpServletRequest http) {
		return loggedIn(this.secondSteps.withRecoveryCode(request.mfaToken(), request.code(), http.getRemoteAddr()));
	}

	private LoginResponse loggedIn(User user) {
		return new LoginResponse(user, this.sessions.issue(user.getId()));
	}

}
