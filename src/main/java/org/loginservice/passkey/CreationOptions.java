package org.loginservice.passkey;

import java.util.List;

/**
 * What a browser needs to create a passkey: a WebAuthn Level 3
 * {@code PublicKeyCredentialCreationOptionsJSON}, as
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON()} takes it. A discoverable
 * credential (resident key) is required, so that a login needs no username; user
 * verification is preferred; the account's passkeys are excluded, so an authenticator
 * that holds one already says so instead of making a second.
 *
 * @param rp the relying party
 * @param user the account, by its random user handle
 * @param challenge 32 random bytes, base64url
 * @param pubKeyCredParams the signature algorithms accepted, most wanted first
 * @param timeout milliseconds the challenge lives
 * @param excludeCredentials the account's passkeys
 * @param authenticatorSelection what kind of passkey to make
 * @param attestation {@code none}: the authenticator's make is not asked for
 */
public record CreationOptions(RelyingParty rp, UserEntity user, String challenge,
		List<CredentialParameters> pubKeyCredParams, long timeout, List<CredentialDescriptor> excludeCredentials,
		AuthenticatorSelection authenticatorSelection, String attestation) {

	/**
	 * ES256, EdDSA and RS256: what platform authenticators and security keys sign with.
	 */
	static final List<CredentialParameters> ALGORITHMS = List.of(new CredentialParameters("public-key", -7),
			new CredentialParameters("public-key", -8), new CredentialParameters("public-key", -257));

	/**
	 * @param id the domain passkeys belong to
	 * @param name the name an authenticator shows
	 */
	public record RelyingParty(String id, String name) {

	}

	/**
	 * @param id the user handle, base64url: random, never the username
	 * @param name the account's name, as shown
	 * @param displayName the same
	 */
	public record UserEntity(String id, String name, String displayName) {

	}

	/**
	 * @param type always {@code public-key}
	 * @param alg a COSE algorithm identifier
	 */
	public record CredentialParameters(String type, int alg) {

	}

	/**
	 * @param residentKey {@code required}
	 * @param requireResidentKey {@code true}, for browsers of WebAuthn Level 1
	 * @param userVerification {@code preferred}
	 */
	public record AuthenticatorSelection(String residentKey, boolean requireResidentKey, String userVerification) {

	}

}
