package org.loginservice.web;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reading of {@code X-Forwarded-For} and of IP literals, with peers a test over HTTP
 * cannot be (an untrusted one, IPv6, link-local).
 */
class ForwardedForRuleTests {

	/** Spring Boot's default {@code server.tomcat.remoteip.internal-proxies}. */
	private static final ForwardedFor proxies = ForwardedFor.trusting("192.168.0.0/16, 172.16.0.0/12, "
			+ "169.254.0.0/16, fc00::/7, 10.0.0.0/8, 100.64.0.0/10, 127.0.0.0/8, fe80::/10, ::1/128");

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "1.2.3.4, 1.2.3.4", "0.0.0.0, 0.0.0.0", "255.255.255.255, 255.255.255.255",
			"2001:DB8:0:0:0:0:0:1, 2001:db8::1", "2001:db8::1, 2001:db8::1", "::, ::", "::1, ::1",
			"0:0:0:0:0:0:0:1, ::1", "1::, 1::", "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
			"2001:0db8:0000:0000:0000:ff00:0042:8329, 2001:db8::ff00:42:8329",
			"2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1", "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0", "::ffff:1.2.3.4, 1.2.3.4",
			"0:0:0:0:0:ffff:102:304, 1.2.3.4", "::1.2.3.4, ::102:304", "64:ff9b::192.0.2.33, 64:ff9b::c000:221" })
	void literalsAreReadAndWrittenCanonically(String text, String canonical) {
		assertThat(IpLiteral.parse(text)).map(IpLiteral::canonical).contains(canonical);
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "", " ", "localhost", "example.com", "dead.beef", "1.2.3", "1.2.3.4.5", "1.2.3.256",
			"01.2.3.4", "1.2.3.04", "1..3.4", "+1.2.3.4", "1.2.3.4 ", "0x7f.0.0.1", "2130706433", "1.2.3.4:80", "[::1]",
			"fe80::1%eth0", ":::", "1:::2", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
			"12345::", "g::1", "::1.2.3", "1.2.3.4::", "::ffff:1.2.3.04", "\u0661.2.3.4", "\uff11::",
			"9.9.9.8 username=admin" })
	void anythingElseIsNotALiteral(String text) {
		assertThat(IpLiteral.parse(text)).isEmpty();
	}

	@Test
	void aClientBehindAProxyIsTheRightmostEntryThatIsNoProxy() {
		assertThat(proxies.client("127.0.0.1", List.of("1.2.3.4, 10.0.0.1"))).isEqualTo("1.2.3.4");
		assertThat(proxies.client("10.1.1.1", List.of("6.6.6.6, 1.2.3.4, 192.168.1.1, 10.0.0.1"))).isEqualTo("1.2.3.4");
		assertThat(proxies.client("0:0:0:0:0:0:0:1", List.of("2001:DB8:0:0:0:0:0:1"))).isEqualTo("2001:db8::1");
		assertThat(proxies.client("fe80:0:0:0:0:0:0:1%eth0", List.of("::ffff:198.51.100.7"))).isEqualTo("198.51.100.7");
	}

	@Test
	void severalHeadersAreOneList() {
		assertThat(proxies.client("127.0.0.1", List.of("6.6.6.6", "1.2.3.4", "10.0.0.1"))).isEqualTo("1.2.3.4");
		assertThat(proxies.client("127.0.0.1", List.of("1.2.3.4", "garbage"))).isEqualTo("127.0.0.1");
	}

	@Test
	void onlyProxiesMeansTheFarthestOfThem() {
		assertThat(proxies.client("127.0.0.1", List.of("10.9.9.9, 10.0.0.1"))).isEqualTo("10.9.9.9");
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "9.9.9.8 username=admin", "client.example", "1.2.3.4, localhost", "1.2.3.4:5678",
			"1.2.3.4,,10.0.0.1", "", "unknown", "1.2.3.4, 010.0.0.1" })
	void anEntryThatIsNoLiteralMeansThePeer(String header) {
		assertThat(proxies.client("127.0.0.1", List.of(header))).isEqualTo("127.0.0.1");
		assertThat(proxies.client("0:0:0:0:0:0:0:1", List.of(header))).isEqualTo("::1");
	}

	@Test
	void anUntrustedPeerCannotClaimAnAddress() {
		assertThat(proxies.client("203.0.113.9", List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
		assertThat(proxies.client("2001:db8:0:0:0:0:0:9", List.of("10.0.0.1"))).isEqualTo("2001:db8::9");
	}

	@Test
	void noProxiesTrustedMeansThePeerAlways() {
		assertThat(ForwardedFor.trusting().client("127.0.0.1", List.of("1.2.3.4"))).isEqualTo("127.0.0.1");
	}

	@Test
	void proxiesMayBeARegularExpressionOverTheCanonicalText() {
		ForwardedFor regex = ForwardedFor.trusting("127\\.0\\.0\\.1|::1");

		assertThat(regex.client("0:0:0:0:0:0:0:1", List.of("1.2.3.4"))).isEqualTo("1.2.3.4");
		assertThat(regex.client("10.0.0.1", List.of("1.2.3.4"))).isEqualTo("10.0.0.1");
	}

	@Test
	void aMappedAddressIsTrustedAsItsIpv4() throws Exception {
		assertThat(IpLiteral.parse("::ffff:10.0.0.1")).contains(InetAddress.getByName("10.0.0.1"));
		assertThat(proxies.client("::ffff:10.0.0.1", List.of("1.2.3.4"))).isEqualTo("1.2.3.4");
	}

}
