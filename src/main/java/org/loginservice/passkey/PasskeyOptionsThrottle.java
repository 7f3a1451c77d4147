package org.loginservice.passkey;

import org.loginservice.throttle.AddressThrottle;

import org.springframework.stereotype.Component;

/**
 * Bounds the passkey ceremonies one address may begin: each stores a challenge, and the
 * login's needs no account.
 */
@Component
public class PasskeyOptionsThrottle {

	private final AddressThrottle addresses;

	private final PasskeySettings settings;

	PasskeyOptionsThrottle(AddressThrottle addresses, PasskeySettings settings) {
		this.addresses = addresses;
		this.settings = settings;
	}

	/**
	 * @throws org.loginservice.throttle.TooManyAttempts if it is one too many this minute
	 */
	public void optionsIssued(String address) {
		this.addresses.passkeyOptionsIssued(address, this.settings.optionsPerAddressPerMinute());
	}

}
