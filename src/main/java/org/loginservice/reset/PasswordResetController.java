package org.loginservice.reset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.loginservice.user.NoControlCharacters;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /password-reset}: a new password for someone who forgot theirs, with the
 * reset code an operator gave them (see the admin API). Accounts have no email, so the
 * operator is the way back in.
 */
@RestController
class PasswordResetController {

	private final PasswordReset resets;

	PasswordResetController(PasswordReset resets) {
		this.resets = resets;
	}

	@PostMapping(path = "/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> reset(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
		this.resets.reset(request.username(), request.resetCode(), request.newPassword(), http.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param username the account's name
	 * @param resetCode the code the operator handed over, in any case, with or without
	 * hyphens
	 * @param newPassword the new password, which the password policy must accept
	 */
	record ResetRequest(@NotNull(message = "is required") @NoControlCharacters String username,
			@NotNull(message = "is required") @NoControlCharacters String resetCode,
			@NotNull(message = "is required") @NoControlCharacters String newPassword) {

	}

}
