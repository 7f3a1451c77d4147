package org.loginservice.user;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /register}, with the fields in a JSON body, a form body, or the query
 * string as the tutorial sends them. Answers only in JSON: any other {@code Accept} is
 * 406 before anything is done.
 */
@RestController
class RegistrationController {

	/** Where the new account can be read once its owner has logged in. */
	private static final URI ACCOUNT = URI.create("/me");

	private final UserService users;

	RegistrationController(UserService users) {
		this.users = users;
	}

	@PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UserResponse> registerJson(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
		return register(request, http);
	}

	/** A form body, or the tutorial's query string with no body at all. */
	@PostMapping(path = "/register", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UserResponse> registerForm(@Valid RegisterRequest request, HttpServletRequest http) {
		return register(request, http);
	}

	private ResponseEntity<UserResponse> register(RegisterRequest request, HttpServletRequest http) {
		User user = this.users.register(request.username(), request.password(), request.data(), request.altcha(),
				http.getRemoteAddr());
		return ResponseEntity.created(ACCOUNT).body(UserResponse.of(user));
	}

}
