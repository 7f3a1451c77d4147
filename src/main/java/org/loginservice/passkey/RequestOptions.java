package org.loginservice.passkey;

import java.util.List;

/**
 * What a browser needs to log in with a passkey: a WebAuthn Level 3
 * {@code PublicKeyCredentialRequestOptionsJSON}, as
 * {@code PublicKeyCredential.parseRequestOptionsFromJSON()} takes it. The list of allowed
 * credentials is empty: the authenticator offers the passkeys it holds for this site, so
 * no username is asked, and none is revealed to whoever asks for options.
 *
 * @param challenge 32 random bytes, base64url
 * @param timeout milliseconds the challenge lives
 * @param rpId the domain passkeys belong to
 * @param allowCredentials always empty
 * @param userVerification {@code required}: a passkey login stands for both factors, so
 * the authenticator must check its user (PIN, fingerprint, face)
 */
public record RequestOptions(String challenge, long timeout, String rpId, List<CredentialDescriptor> allowCredentials,
		String userVerification) {

}
