package org.loginservice.passkey;

import java.time.Instant;

/**
 * A passkey of an account, as its owner sees it.
 *
 * @param id the credential's id, base64url, as the browser's {@code credential.id}
 * @param label the name its owner gave it
 * @param createdAt when it was added, to the second
 * @param lastUsedAt when it last logged in, to the minute, or null if it never has
 */
public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt) {

}
