package org.loginservice.login;

import org.loginservice.passkey.InvalidPasskey;
import org.loginservice.passkey.Passkeys;
import org.loginservice.passkey.RequestOptions;
import org.loginservice.session.SessionService;
import org.loginservice.throttle.AddressThrottle;
import org.loginservice.throttle.TooManyAttempts;
import org.loginservice.user.AuthEvents;
import org.loginservice.user.User;
import org.loginservice.user.UserRepository;

import org.springframework.stereotype.Service;

/**
 * Logins with a passkey. An address that has failed too many logins, with passwords or
 * passkeys, is refused before anything is checked, and each refused passkey counts as one
 * more failure of the address. A name's lockout does not apply: it stands against
 * guessing a password, and a passkey cannot be guessed, so someone whose name is being
 * attacked can still log in with theirs.
 */
@Service
class PasskeyLogins {

	private final Passkeys passkeys;

	private final AddressThrottle addresses;

	private final UserRepository users;

	private final SessionService sessions;

	private final AuthEvents events;

	PasskeyLogins(Passkeys passkeys, AddressThrottle addresses, UserRepository users, SessionService sessions,
			AuthEvents events) {
		this.passkeys = passkeys;
		this.addresses = addresses;
		this.users = users;
		this.sessions = sessions;
		this.events = events;
	}

	/**
	 * @throws TooManyAttempts if the address failed too many logins for now
	 */
	RequestOptions options(String address) {
		this.addresses.checkLogin(address);
		return this.passkeys.requestOptions();
	}

	/**
	 * @throws TooManyAttempts if the address failed too many logins for now
	 * @throws InvalidPasskey if the passkey or its answer is refused
	 */
	LoginResponse login(String credential, String address) {
		try {
			this.addresses.checkLogin(address);
		}
		catch (TooManyAttempts ex) {
			this.events.passkeyLogin("throttled", null, address);
			throw ex;
		}
		User user;
		try {
			long userId = this.passkeys.authenticate(credential);
			user = this.users.findById(userId).orElseThrow(InvalidPasskey::new);
		}
		catch (InvalidPasskey ex) {
			this.addresses.loginFailed(address);
			this.events.passkeyLogin("passkey-failure", null, address);
			throw ex;
		}
		this.events.passkeyLogin("passkey", user.getUsername(), address);
		return new LoginResponse(user, this.sessions.issue(user.getId()));
	}

}
