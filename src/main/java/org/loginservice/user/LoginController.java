package org.loginservice.user;

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

	private final UserService users;

	LoginController(UserService users) {
		this.users = users;
	}

	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
	UserResponse loginJson(@Valid @RequestBody LoginRequest request) {
		return login(request);
	}

	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	UserResponse loginForm(@Valid LoginRequest request) {
		return login(request);
	}

	@GetMapping("/login")
	UserResponse loginQuery(@Valid LoginRequest request) {
		return login(request);
	}

	private UserResponse login(LoginRequest request) {
		return UserResponse.of(this.users.login(request.username(), request.password()));
	}

}
