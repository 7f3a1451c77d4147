package org.loginservice.totp;

/**
 * A new authenticator's secret, as an authenticator app takes it: typed in, or scanned.
 *
 * @param secret the secret in Base32, to type in
 * @param otpauthUri the {@code otpauth://totp/...} URI that authenticator apps read
 * @param qrCode that URI as a QR code, an SVG data URI that an {@code <img>} shows
 */
public record TotpEnrolment(String secret, String otpauthUri, String qrCode) {

	static TotpEnrolment of(String issuer, String username, byte[] secret) {
		String base32 = Base32.encode(secret);
		String uri = OtpauthUri.of(issuer, username, base32);
		return new TotpEnrolment(base32, uri, QrCodes.svgDataUri(uri));
	}

	/** Without the secret, so that no log or debugger view ever shows it. */
	@Override
	public String toString() {
		return "TotpEnrolment[]";
	}

}
