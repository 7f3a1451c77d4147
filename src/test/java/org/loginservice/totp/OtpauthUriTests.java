package org.loginservice.totp;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key URI that authenticator apps scan, to the letter of the contract: names that
 * need escaping stay one label and one issuer, whatever they hold.
 */
class OtpauthUriTests {

	private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	@Test
	void ofWhenPlainNamesThenTheContractsUri() {
		assertThat(OtpauthUri.of("login-service", "ada", SECRET)).isEqualTo("otpauth://totp/login-service:ada?secret="
				+ SECRET + "&issuer=login-service&algorithm=SHA1&digits=6&period=30");
	}

	@Test
	void ofWhenSpaceThenPercentTwentyNeverPlus() {
		String uri = OtpauthUri.of("Acme Corp", "ada lovelace", SECRET);
		assertThat(uri).startsWith("otpauth://totp/Acme%20Corp:ada%20lovelace?")
			.contains("&issuer=Acme%20Corp&")
			.doesNotContain("+");
	}

	@Test
	void ofWhenColonPlusOrAmpersandInNameThenEncodedSoTheLabelHasOneSeparator() {
		String uri = OtpauthUri.of("a&b", "x:y+z&w=v?#/", SECRET);
		assertThat(uri).startsWith("otpauth://totp/a%26b:x%3Ay%2Bz%26w%3Dv%3F%23%2F?").contains("&issuer=a%26b&");
		assertThat(URI.create(uri).getRawPath().chars().filter((c) -> c == ':')).hasSize(1);
	}

	@Test
	void ofWhenNonAsciiThenUtf8PercentEncoded() {
		String uri = OtpauthUri.of("Ünïcode", "zoë 山田", SECRET);
		assertThat(uri).startsWith("otpauth://totp/%C3%9Cn%C3%AFcode:zo%C3%AB%20%E5%B1%B1%E7%94%B0?")
			.matches("\\p{ASCII}+");
	}

	@Test
	void ofWhenParsedBackThenTheNamesAndParametersAsGiven() {
		String issuer = "Acme: \"Login\" & Co.";
		String username = "ünï code:ada+1@example.org";
		URI uri = URI.create(OtpauthUri.of(issuer, username, SECRET));
		assertThat(uri.getScheme()).isEqualTo("otpauth");
		assertThat(uri.getHost()).isEqualTo("totp");
		assertThat(uri.getPath()).isEqualTo("/" + issuer + ":" + username);
		Map<String, String> query = Arrays.stream(uri.getRawQuery().split("&"))
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((pair) -> pair[0], (pair) -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
		assertThat(query).containsExactlyInAnyOrderEntriesOf(
				Map.of("secret", SECRET, "issuer", issuer, "algorithm", "SHA1", "digits", "6", "period", "30"));
	}

}
