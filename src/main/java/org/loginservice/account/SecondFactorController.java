package org.loginservice.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.loginservice.session.Authenticated;
import org.loginservice.totp.TotpEnrolment;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logged-in user's second factor, with {@code Authorization: Bearer <token>}: enrol
 * an authenticator and confirm it with a code, get new recovery codes, turn it off.
 */
@RestController
class SecondFactorController {

	private final AccountService accounts;

	SecondFactorController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PostMapping(path = "/me/totp", produces = MediaType.APPLICATION_JSON_VALUE)
	TotpEnrolment enrol(Authenticated caller, @Valid @RequestBody AccountRequests.ConfirmPassword request,
			HttpServletRequest http) {
		return this.accounts.enrolTotp(caller, request.password(), http.getRemoteAddr());
	}

	@PostMapping(path = "/me/totp/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
	RecoveryCodes confirm(Authenticated caller, @Valid @RequestBody AccountRequests.ConfirmTotp request) {
		return new RecoveryCodes(this.accounts.confirmTotp(caller, request.code()));
	}

	@DeleteMapping(path = "/me/totp", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> disable(Authenticated caller, @Valid @RequestBody AccountRequests.DisableTotp request,
			HttpServletRequest http) {
		this.accounts.disableTotp(caller, request.password(), request.code(), http.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/me/recovery-codes", produces = MediaType.APPLICATION_JSON_VALUE)
	RecoveryCodes newRecoveryCodes(Authenticated caller, @Valid @RequestBody AccountRequests.ConfirmPassword request,
			HttpServletRequest http) {
		return new RecoveryCodes(this.accounts.newRecoveryCodes(caller, request.password(), http.getRemoteAddr()));
	}

	/**
	 * @param recoveryCodes each good for one login in place of a code, shown only now
	 */
	record RecoveryCodes(List<String> recoveryCodes) {

	}

}
