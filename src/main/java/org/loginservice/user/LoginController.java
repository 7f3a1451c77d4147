package org.loginservice.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /login} with a JSON or form body, and the tutorial's
 * {@code GET /login?username=U&password=P}.
 */
@RestController
class LoginController {

	private final LoginService logins;

	LoginController(LoginService logins) {
		this.logins = logins;
	}

	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
	UserResponse loginJson(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return login(request, http);
	}

	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	UserResponse loginForm(@Valid LoginRequest request, HttpServletRequest http) {
		return login(request, http);
	}

	@GetMapping("/login")
	UserResponse loginQuery(@Valid LoginRequest request, HttpServletRequest http) {
		return login(request, http);
	}

	private UserResponse login(LoginRequest request, HttpServletRequest http) {
		return UserResponse.of(this.logins.login(request.username(), request.password(), http.getRemoteAddr()));
	}

}
