package org.loginservice.totp;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The second factor's settings.
 *
 * @param issuer the name authenticator apps show beside the account's
 * @param encryptionKey the AES-256 key that TOTP secrets are sealed with at rest, as
 * Base64 of 32 random bytes ({@code openssl rand -base64 32}): set it from a secret
 * store, so that a copy of the database alone reveals no secret
 * @param keyFile where the key is kept when {@code encryptionKey} is not set, made on
 * first start; by default beside the H2 database file, where a copy of the data directory
 * carries both: keep it elsewhere
 */
@ConfigurationProperties("auth.totp")
public record TotpSettings(@DefaultValue("login-service") String issuer, String encryptionKey, Path keyFile) {

}
