package org.loginservice.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.loginservice.session.Authenticated;
import org.loginservice.session.SessionService;
import org.loginservice.user.UserResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logged-in user's own account, with {@code Authorization: Bearer <token>}: read and
 * change its data, change its password, log out, and delete it.
 */
@RestController
class AccountController {

	private final AccountService accounts;

	private final SessionService sessions;

	AccountController(AccountService accounts, SessionService sessions) {
		this.accounts = accounts;
		this.sessions = sessions;
	}

	@GetMapping(path = "/me", produces = MediaType.APPLICATION_JSON_VALUE)
	UserResponse me(Authenticated caller) {
		return this.accounts.read(caller);
	}

	@PatchMapping(path = "/me", produces = MediaType.APPLICATION_JSON_VALUE)
	UserResponse changeData(Authenticated caller, @Valid @RequestBody AccountRequests.ChangeData request) {
		return this.accounts.changeData(caller, request.data());
	}

	@PostMapping(path = "/me/password", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> changePassword(Authenticated caller,
			@Valid @RequestBody AccountRequests.ChangePassword request, HttpServletRequest http) {
		this.accounts.changePassword(caller, request.currentPassword(), request.newPassword(), http.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping(path = "/me", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> delete(Authenticated caller, @Valid @RequestBody AccountRequests.DeleteAccount request,
			HttpServletRequest http) {
		this.accounts.delete(caller, request.password(), http.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/logout", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> logout(Authenticated caller) {
		this.sessions.revoke(caller);
		return ResponseEntity.noContent().build();
	}

}
