package org.loginservice.web;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.catalina.util.NetMaskSet;

/**
 * Finds the client's address behind trusted proxies from {@code X-Forwarded-For}, which
 * holds whatever the client put there followed by what each proxy added. Each proxy
 * appends the address it was reached from, so the rightmost entry that is not a trusted
 * proxy is the last one a trusted party wrote: that is the client. The header counts only
 * when the peer itself is a trusted proxy, and only if that entry is an IP literal: any
 * other text (a host name, a note, a port) leaves the peer's address, so that rotating
 * garbage cannot dodge the limits per address.
 */
final class ForwardedFor {

	private final Predicate<InetAddress> trusted;

	/**
	 * @param trusted whether an address is one of the trusted proxies
	 */
	ForwardedFor(Predicate<InetAddress> trusted) {
		this.trusted = trusted;
	}

	/**
	 * The proxies Tomcat's {@code RemoteIpValve} would trust, as Spring Boot sets them
	 * ({@code server.tomcat.remoteip.internal-proxies} and {@code trusted-proxies}): each
	 * a comma-separated list of CIDR ranges, or a regular expression matched against the
	 * canonical text of an address.
	 */
	static ForwardedFor trusting(String... proxies) {
		Predicate<InetAddress> trusted = (address) -> false;
		for (String spec : proxies) {
			trusted = trusted.or(ranges(spec));
		}
		return new ForwardedFor(trusted);
	}

	/**
	 * The client's address in canonical form.
	 * @param peer the address of the connection's other end, as Tomcat gives it
	 * @param headers every {@code X-Forwarded-For} header of the request, in order
	 */
	String client(String peer, List<String> headers) {
		Optional<InetAddress> peerAddress = IpLiteral.parse(withoutZone(peer));
		if (peerAddress.isEmpty()) {
			return peer;
		}
		String peerText = IpLiteral.canonical(peerAddress.get());
		if (headers.isEmpty() || !this.trusted.test(peerAddress.get())) {
			return peerText;
		}
		String[] entries = String.join(",", headers).split(",", -1);
		InetAddress client = null;
		for (int i = entries.length - 1; i >= 0; i--) {
			Optional<InetAddress> entry = IpLiteral.parse(entries[i].strip());
			if (entry.isEmpty()) {
				return peerText;
			}
			client = entry.get();
			if (!this.trusted.test(client)) {
				break;
			}
		}
		// Every entry a trusted proxy: the leftmost is the farthest hop known.
		return IpLiteral.canonical(client);
	}

	/** Tomcat writes a link-local peer with its zone ({@code fe80::1%eth0}). */
	private static String withoutZone(String address) {
		int zone = address.indexOf('%');
		return (zone >= 0) ? address.substring(0, zone) : address;
	}

	private static Predicate<InetAddress> ranges(String spec) {
		if (spec == null || spec.isBlank()) {
			return (address) -> false;
		}
		if (spec.indexOf('/') > 0) {
			NetMaskSet ranges = NetMaskSet.parse(spec);
			return ranges::contains;
		}
		Pattern pattern = Pattern.compile(spec);
		return (address) -> pattern.matcher(IpLiteral.canonical(address)).matches();
	}

}
