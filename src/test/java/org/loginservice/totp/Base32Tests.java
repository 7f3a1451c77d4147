package org.loginservice.totp;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Base32 held to RFC 4648's own vectors and to Commons Codec's encoder. */
class Base32Tests {

	@ParameterizedTest(name = "\"{0}\" -> {1}")
	@CsvSource(value = { "'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB",
			"foobar, MZXW6YTBOI" })
	void encodeWhenRfc4648VectorThenItsTextWithoutPadding(String bytes, String expected) {
		assertThat(Base32.encode(bytes.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
	}

	@Test
	void encodeWhenTwentyBytesThenThirtyTwoUpperCaseSymbols() {
		byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
		assertThat(Base32.encode(secret)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").matches("[A-Z2-7]{32}");
	}

	@Test
	void encodeWhenRandomBytesThenSameAsCommonsCodecWithoutPadding() {
		var codec = new org.apache.commons.codec.binary.Base32();
		Random random = new Random(4648);
		for (int i = 0; i < 1000; i++) {
			byte[] bytes = new byte[random.nextInt(65)];
			random.nextBytes(bytes);
			assertThat(Base32.encode(bytes)).isEqualTo(codec.encodeAsString(bytes).replace("=", ""));
		}
	}

	@Test
	void encodeWhenAllBitsSetThenNoSignExtensionLeaks() {
		byte[] ones = { -1, -1, -1, -1, -1 };
		assertThat(Base32.encode(ones)).isEqualTo("77777777");
		assertThat(Base32.encode(new byte[] { -128 })).isEqualTo("QA");
	}

}
