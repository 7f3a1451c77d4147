package org.loginservice.passkey;

import java.util.List;

/**
 * A WebAuthn {@code PublicKeyCredentialDescriptorJSON}: a passkey named by its id.
 *
 * @param type always {@code public-key}
 * @param id the credential id, base64url
 * @param transports how the browser may reach its authenticator, as it said when the
 * passkey was made
 */
public record CredentialDescriptor(String type, String id, List<String> transports) {

}
