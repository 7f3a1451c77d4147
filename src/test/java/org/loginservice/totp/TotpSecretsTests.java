package org.loginservice.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Sealed TOTP secrets: they open for their own account under their own key, and only so.
 */
class TotpSecretsTests {

	private static final byte[] KEY = HexFormat.of()
		.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

	private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private final JdbcTemplate jdbc = KeyCheckDatabase.create();

	private final TotpSecrets secrets = KeyCheckDatabase.withKey(this.jdbc, Base64.getEncoder().encodeToString(KEY));

	@Test
	void openWhenSealedForTheAccountThenTheSecret() {
		String sealed = this.secrets.seal(42, SECRET);
		// 12 bytes of IV, 20 of secret, 16 of tag: fits the column of 128.
		assertThat(sealed).hasSize(64);
		assertThat(this.secrets.open(42, sealed)).isEqualTo(SECRET);
	}

	@Test
	void sealWhenSameSecretTwiceThenDifferentIvAndText() {
		String one = this.secrets.seal(42, SECRET);
		String two = this.secrets.seal(42, SECRET);
		assertThat(one).isNotEqualTo(two);
		assertThat(Arrays.copyOf(Base64.getDecoder().decode(one), 12))
			.isNotEqualTo(Arrays.copyOf(Base64.getDecoder().decode(two), 12));
	}

	@Test
	void sealWhenKeySetThenAesGcmOfThatKeyWithTheUserIdAuthenticated() throws Exception {
		byte[] sealed = Base64.getDecoder().decode(this.secrets.seal(42, SECRET));
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"),
				new GCMParameterSpec(128, Arrays.copyOf(sealed, 12)));
		cipher.updateAAD(ByteBuffer.allocate(8).putLong(42).array());
		assertThat(cipher.doFinal(sealed, 12, sealed.length - 12)).isEqualTo(SECRET);
	}

	@Test
	void openWhenOtherAccountThenRefused() {
		String sealed = this.secrets.seal(42, SECRET);
		assertThatIllegalStateException().isThrownBy(() -> this.secrets.open(43, sealed))
			.withMessageContaining("not sealed for this account with this key");
		assertThatIllegalStateException().isThrownBy(() -> this.secrets.open(-42, sealed));
	}

	@Test
	void openWhenAnyBitOfIvTextOrTagChangedThenRefused() {
		byte[] sealed = Base64.getDecoder().decode(this.secrets.seal(42, SECRET));
		for (int i = 0; i < sealed.length; i++) {
			for (int bit = 0; bit < 8; bit += 7) {
				byte[] tampered = sealed.clone();
				tampered[i] ^= (byte) (1 << bit);
				String text = Base64.getEncoder().encodeToString(tampered);
				assertThatIllegalStateException().as("byte %d, bit %d", i, bit)
					.isThrownBy(() -> this.secrets.open(42, text));
			}
		}
	}

	@Test
	void openWhenTruncatedOrNotBase64ThenRefused() {
		String sealed = this.secrets.seal(42, SECRET);
		for (String broken : new String[] { "", sealed.substring(0, 20), sealed.substring(0, 60), "not base64!" }) {
			assertThatIllegalStateException().as(broken).isThrownBy(() -> this.secrets.open(42, broken));
		}
	}

	@Test
	void openWhenOtherKeyThenRefused() {
		byte[] other = KEY.clone();
		other[0] ^= 1;
		TotpSecrets elsewhere = KeyCheckDatabase.withKey(KeyCheckDatabase.create(),
				Base64.getEncoder().encodeToString(other));
		String sealed = this.secrets.seal(42, SECRET);
		assertThatIllegalStateException().isThrownBy(() -> elsewhere.open(42, sealed));
	}

	@Test
	void openWhenAnotherInstanceWithTheSameKeyThenTheSecret() {
		TotpSecrets another = KeyCheckDatabase.withKey(this.jdbc, Base64.getEncoder().encodeToString(KEY));
		assertThat(another.open(42, this.secrets.seal(42, SECRET))).isEqualTo(SECRET);
	}

}
