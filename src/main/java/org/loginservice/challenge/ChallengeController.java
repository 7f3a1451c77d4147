package org.loginservice.challenge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /challenge}: a fresh ALTCHA challenge, as the {@code altcha} widget reads
 * one from its challenge URL, of the work that the client's next registration
 * ({@code for=register}, the default) or login ({@code for=login&username=...}) needs.
 */
@RestController
class ChallengeController {

	private final Challenges challenges;

	private final LoginFailures loginFailures;

	ChallengeController(Challenges challenges, LoginFailures loginFailures) {
		this.challenges = challenges;
		this.loginFailures = loginFailures;
	}

	@GetMapping(path = "/challenge", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Altcha.Challenge> challenge(
			@RequestParam(name = "for", defaultValue = "register") @Pattern(regexp = "register|login",
					message = "must be register or login") String purpose,
			@RequestParam(required = false) String username, HttpServletRequest http) {
		String address = http.getRemoteAddr();
		Altcha.Challenge challenge = "login".equals(purpose)
				? this.challenges.forLogin(address, (username != null) ? this.loginFailures.of(username) : 0)
				: this.challenges.forRegistration(address);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(challenge);
	}

}
