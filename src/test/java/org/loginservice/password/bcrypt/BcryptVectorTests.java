package org.loginservice.password.bcrypt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Published bcrypt test vectors, each checked against {@link Bcrypt} and, so that a
 * transcription error cannot pass unnoticed, against Spring Security's {@link BCrypt}.
 */
class BcryptVectorTests {

	/**
	 * jBCrypt's vectors (Damien Miller), as carried in Spring Security's
	 * {@code crypto/src/test/java/org/springframework/security/crypto/bcrypt/BCryptTests.java};
	 * the cost-12 ones are left out for time.
	 */
	private static final String[][] JBCRYPT = { { "", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s." },
			{ "", "$2a$08$HqWuK6/Ng6sg9gQzbLrgb.Tl.ZHfXLhvt/SgVyWhQqgqcZ7ZuUtye" },
			{ "", "$2a$10$k1wbIrmNyFAPwPVPSVa/zecw2BCEnBwVS2GbrmgzxFUOqW9dk4TCW" },
			{ "", "$2b$06$8eVN9RiU8Yki430X.wBvN.LWaqh2962emLVSVXVZIXJvDYLsV0oFu" },
			{ "", "$2y$06$mFDtkz6UN7B3GZ2qi2hhaO3OFWzNEdcY84ELw6iHCPruuQfSAXBLK" },
			{ "a", "$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe" },
			{ "a", "$2a$08$cfcvVd2aQ8CMvoMpP2EBfeodLEkkFJ9umNEfPD18.hUF62qqlC/V." },
			{ "a", "$2a$10$k87L/MF28Q673VKh8/cPi.SUl7MU/rWuSiIDDFayrKk/1tBsSQu4u" },
			{ "a", "$2b$06$ehKGYiS4wt2HAr7KQXS5z.OaRjB4jHO7rBHJKlGXbqEH3QVJfO7iO" },
			{ "a", "$2y$06$LUdD6/aD0e/UbnxVAVbvGuUmIoJ3l/OK94ThhadpMWwKC34LrGEey" },
			{ "abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i" },
			{ "abc", "$2a$08$Ro0CUfOqk6cXEKf3dyaM7OhSCvnwM9s4wIX9JeLapehKK5YdLxKcm" },
			{ "abc", "$2b$06$5FyQoicpbox1xSHFfhhdXuR2oxLpO1rYsQh5RTkI/9.RIjtoF0/ta" },
			{ "abc", "$2y$06$ACfku9dT6.H8VjdKb8nhluaoBmhJyK7GfoNScEfOfrJffUxoUeCjK" },
			{ "abcdefghijklmnopqrstuvwxyz", "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC" },
			{ "abcdefghijklmnopqrstuvwxyz", "$2a$08$aTsUwsyowQuzRrDqFflhgekJ8d9/7Z3GV3UcgvzQW3J5zMyrTvlz." },
			{ "abcdefghijklmnopqrstuvwxyz", "$2a$10$fVH8e28OQRj9tqiDXs1e1uxpsjN0c7II7YPKXua2NAKYvM6iQk7dq" },
			{ "abcdefghijklmnopqrstuvwxyz", "$2b$06$O8E89AQPj1zJQA05YvIAU.hMpj25BXri1bupl/Q7CJMlpLwZDNBoO" },
			{ "abcdefghijklmnopqrstuvwxyz", "$2y$06$34MG90ZLah8/ZNr3ltlHCuz6bachF8/3S5jTuzF1h2qg2cUk11sFW" },
			{ "~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO" },
			{ "~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2a$08$Eq2r4G/76Wv39MzSX262huzPz612MZiYHVUJe/OcOql2jo4.9UxTW" },
			{ "~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2a$10$LgfYWkbzEvQ4JakH7rOvHe0y8pHKF9OaFgwUZ2q7W2FFZmZzJYlfS" },
			{ "~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2b$06$FGWA8OlY6RtQhXBXuCJ8WusVipRI15cWOgJK8MYpBHEkktMfbHRIG" },
			{ "~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2y$06$sYDFHqOcXTjBgOsqC0WCKeMd3T1UhHuWQSxncLGtXDLMrcE6vFDti" } };

	/** Byte-array vectors from the same Spring test: empty, {0xf5} and a 5-byte key. */
	private static final Object[][] JBCRYPT_BYTES = {
			{ new byte[] {}, "$2a$06$fPIsBO8qRqkjj273rfaOI.uiVGfgi6Z1Iz.vZr11mi/38o09TUVCy" },
			{ new byte[] {}, "$2b$06$FGWA8OlY6RtQhXBXuCJ8Wu5oPJaT8BeCRmS273I6cpp5RwwjAWn7S" },
			{ new byte[] {}, "$2y$06$sYDFHqOcXTjBgOsqC0WCKeOv88fqPKkuV1yGVh./TROmn1mL8gYh2" },
			{ new byte[] { -11 }, "$2a$08$Eq2r4G/76Wv39MzSX262huG.pmfTOWNaSXeVmr8y6qut1BpUiou6m" },
			{ new byte[] { -11 }, "$2b$06$G6aYU7UhUEUDJBdTgq3CRe6RQpRSN.PQ28XtDFT7zUVvpXNbg.K4i" },
			{ new byte[] { -11 }, "$2y$06$6Xm0gCw4g7ZNDCEp4yTisetcxOr0uSWmFiVtNpDxjd5iaFWs/tyjG" },
			{ new byte[] { 76, -56, -12, 9, -116 }, "$2a$10$LgfYWkbzEvQ4JakH7rOvHeQBR1Mm2USNr//tnItwdVSZFNZfR/L9." },
			{ new byte[] { 76, -56, -12, 9, -116 }, "$2b$06$FGWA8OlY6RtQhXBXuCJ8Wu5SNpYypZvM0j3zTq7vSCtzqOllUArQW" },
			{ new byte[] { 76, -56, -12, 9, -116 }, "$2y$06$6Xm0gCw4g7ZNDCEp4yTiseKCvXMhtv0IrQPu9d36a893DjJ880Vb6" } };

	/**
	 * Openwall crypt_blowfish 1.3, {@code wrapper.c} test table (also in
	 * glibc/libxcrypt): $2x$ is the old sign-extension bug, $2a$ the countermeasure
	 * against it, $2b$ and $2y$ correct behaviour. Keys written as ISO-8859-1 so that
	 * "\u00a3" is byte 0xa3.
	 */
	private static final String[][] OPENWALL = {
			{ "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "U*U" },
			{ "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK", "U*U*" },
			{ "$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a", "U*U*U" },
			{ "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui",
					"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
							+ "chars after 72 are ignored" },
			{ "$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e", "\u00a3" },
			{ "$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e", "\u00ff\u00ff\u00a3" },
			{ "$2y$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e", "\u00ff\u00ff\u00a3" },
			{ "$2a$05$/OK.fbVrR/bpIqNJ5ianF.nqd1wy.pTMdcvrRWxyiGL2eMz.2a85.", "\u00ff\u00ff\u00a3" },
			{ "$2b$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e", "\u00ff\u00ff\u00a3" },
			{ "$2y$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq", "\u00a3" },
			{ "$2a$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq", "\u00a3" },
			{ "$2b$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq", "\u00a3" },
			{ "$2x$05$/OK.fbVrR/bpIqNJ5ianF.o./n25XVfn6oAPaUvHe.Csk4zRfsYPi", "1\u00a3345" },
			{ "$2x$05$/OK.fbVrR/bpIqNJ5ianF.o./n25XVfn6oAPaUvHe.Csk4zRfsYPi", "\u00ff\u00a3345" },
			{ "$2x$05$/OK.fbVrR/bpIqNJ5ianF.o./n25XVfn6oAPaUvHe.Csk4zRfsYPi",
					"\u00ff\u00a334\u00ff\u00ff\u00ff\u00a3345" },
			{ "$2y$05$/OK.fbVrR/bpIqNJ5ianF.o./n25XVfn6oAPaUvHe.Csk4zRfsYPi",
					"\u00ff\u00a334\u00ff\u00ff\u00ff\u00a3345" },
			{ "$2a$05$/OK.fbVrR/bpIqNJ5ianF.ZC1JEJ8Z4gPfpe1JOr/oyPXTWl9EFd.",
					"\u00ff\u00a334\u00ff\u00ff\u00ff\u00a3345" },
			{ "$2y$05$/OK.fbVrR/bpIqNJ5ianF.nRht2l/HRhr6zmCp9vYUvvsqynflf9e", "\u00ff\u00a3345" },
			{ "$2a$05$/OK.fbVrR/bpIqNJ5ianF.nRht2l/HRhr6zmCp9vYUvvsqynflf9e", "\u00ff\u00a3345" },
			{ "$2a$05$/OK.fbVrR/bpIqNJ5ianF.6IflQkJytoRVc1yuaNtHfiuq.FRlSIS", "\u00a3ab" },
			{ "$2x$05$/OK.fbVrR/bpIqNJ5ianF.6IflQkJytoRVc1yuaNtHfiuq.FRlSIS", "\u00a3ab" },
			{ "$2y$05$/OK.fbVrR/bpIqNJ5ianF.6IflQkJytoRVc1yuaNtHfiuq.FRlSIS", "\u00a3ab" },
			{ "$2x$05$6bNw2HLQYeqHYyBfLMsv/OiwqTymGIGzFsA4hOTWebfehXHNprcAS", "\u00d1\u0091" },
			{ "$2x$05$6bNw2HLQYeqHYyBfLMsv/O9LIGgn8OMzuDoHfof8AQimSGfcSWxnS", "\u00d0\u00c1\u00d2\u00cf\u00cc\u00d8" },
			{ "$2a$05$/OK.fbVrR/bpIqNJ5ianF.swQOIzjOiJ9GHEPuhEkvqrUyvWhEMx6",
					"\u00aa".repeat(72) + "chars after 72 are ignored as usual" },
			{ "$2a$05$/OK.fbVrR/bpIqNJ5ianF.R9xrDjiycxMbQE2bp.vgqlYpW5wx2yy", "\u00aa\u0055".repeat(36) },
			{ "$2a$05$/OK.fbVrR/bpIqNJ5ianF.9tQZzcJfm3uj2NvJ/n5xkhpqLrMpWCe", "\u0055\u00aa\u00ff".repeat(24) },
			{ "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy", "" } };

	@Test
	void hashWhenJbcryptVectorsThenSameAsPublished() {
		for (String[] v : JBCRYPT) {
			byte[] password = v[0].getBytes(StandardCharsets.UTF_8);
			assertThat(BCrypt.hashpw(password, v[1])).as("Spring, %s", v[1]).isEqualTo(v[1]);
			assertThat(Bcrypt.hash(password, v[1])).as(v[1]).isEqualTo(v[1]);
			assertThat(Bcrypt.hash(password, v[1].substring(0, 29))).as(v[1]).isEqualTo(v[1]);
			assertThat(Bcrypt.check(password, v[1])).as(v[1]).isTrue();
		}
		for (Object[] v : JBCRYPT_BYTES) {
			byte[] password = (byte[]) v[0];
			String expected = (String) v[1];
			assertThat(BCrypt.hashpw(password, expected)).as("Spring, %s", expected).isEqualTo(expected);
			assertThat(Bcrypt.hash(password, expected)).as(expected).isEqualTo(expected);
			assertThat(Bcrypt.check(password, expected)).as(expected).isTrue();
		}
	}

	@Test
	void checkWhenPasswordBelongsToAnotherVectorThenFalse() {
		for (int i = 0; i < JBCRYPT.length; i++) {
			String[] v = JBCRYPT[i];
			String other = JBCRYPT[(i + 5) % JBCRYPT.length][1];
			assertThat(Bcrypt.check(v[0].getBytes(StandardCharsets.UTF_8), other)).as(other).isFalse();
		}
	}

	@Test
	void checkWhenOpenwallVectorsThenTrueAndHashMatchesWithin72Bytes() {
		for (String[] v : OPENWALL) {
			byte[] password = v[1].getBytes(StandardCharsets.ISO_8859_1);
			assertThat(BCrypt.checkpw(password, v[0])).as("Spring, %s", v[0]).isTrue();
			assertThat(Bcrypt.check(password, v[0])).as(v[0]).isTrue();
			// hash() refuses more than 72 bytes; only the first 72 count anyway
			byte[] first72 = Arrays.copyOf(password, Math.min(password.length, 72));
			assertThat(Bcrypt.hash(first72, v[0])).as(v[0]).isEqualTo(v[0]);
		}
	}

	@Test
	void hashWhenPasswordLongerThan72BytesThenRejectedLikeSpring() {
		byte[] password = new byte[73];
		String salt = "$2b$04$CCCCCCCCCCCCCCCCCCCCC.";
		assertThatIllegalArgumentException().isThrownBy(() -> BCrypt.hashpw(password, salt));
		assertThatIllegalArgumentException().isThrownBy(() -> Bcrypt.hash(password, salt));
	}

}
