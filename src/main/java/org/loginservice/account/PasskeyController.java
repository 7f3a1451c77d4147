package org.loginservice.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loginservice.passkey.CreationOptions;
import org.loginservice.passkey.Passkey;
import org.loginservice.passkey.PasskeyOptionsThrottle;
import org.loginservice.passkey.Passkeys;
import org.loginservice.session.Authenticated;
import org.loginservice.user.AuthEvents;
import org.loginservice.user.NoControlCharacters;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logged-in user's passkeys, with {@code Authorization: Bearer <token>}: options for
 * the browser to make one, adding what it made, listing and deleting them.
 */
@RestController
class PasskeyController {

	private final Passkeys passkeys;

	private final PasskeyOptionsThrottle throttle;

	private final AuthEvents events;

	PasskeyController(Passkeys passkeys, PasskeyOptionsThrottle throttle, AuthEvents events) {
		this.passkeys = passkeys;
		this.throttle = throttle;
		this.events = events;
	}

	@PostMapping(path = "/me/passkeys/options", produces = MediaType.APPLICATION_JSON_VALUE)
	CreationOptions options(Authenticated caller, HttpServletRequest http) {
		this.throttle.optionsIssued(http.getRemoteAddr());
		return this.passkeys.creationOptions(caller.userId(), caller.username());
	}

	@PostMapping(path = "/me/passkeys", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Passkey> add(Authenticated caller, @Valid @RequestBody AddPasskey request) {
		Passkey added = this.passkeys.add(caller.userId(), request.credential().toString(), request.label());
		this.events.passkey("added", caller.username());
		return ResponseEntity.status(HttpStatus.CREATED).body(added);
	}

	@GetMapping(path = "/me/passkeys", produces = MediaType.APPLICATION_JSON_VALUE)
	PasskeyList list(Authenticated caller) {
		return new PasskeyList(this.passkeys.of(caller.userId()));
	}

	@DeleteMapping(path = "/me/passkeys/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> delete(Authenticated caller, @PathVariable String id) {
		this.passkeys.delete(caller.userId(), id);
		this.events.passkey("deleted", caller.username());
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param credential the browser's {@code credential.toJSON()} after
	 * {@code navigator.credentials.create()}
	 * @param label a name for it, such as "Laptop"; "Passkey" when left out
	 */
	record AddPasskey(@NotNull(message = "is required") ObjectNode credential,
			@Size(max = 64, message = "must be at most 64 characters long") @NoControlCharacters String label) {

	}

	/**
	 * @param passkeys the account's passkeys, oldest first
	 */
	record PasskeyList(List<Passkey> passkeys) {

	}

}
