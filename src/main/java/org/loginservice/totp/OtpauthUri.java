package org.loginservice.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/} URI of Google Authenticator's key URI format, which every
 * authenticator app reads from a QR code: the label {@code issuer:username}, the secret,
 * and the parameters spelled out even where they are the defaults, for apps that guess
 * otherwise.
 */
final class OtpauthUri {

	private OtpauthUri() {
	}

	static String of(String issuer, String username, String base32Secret) {
		return "otpauth://totp/" + encode(issuer) + ":" + encode(username) + "?secret=" + base32Secret + "&issuer="
				+ encode(issuer) + "&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS;
	}

	/** Percent-encoded for a path or a query alike: a space is {@code %20}, never '+'. */
	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
