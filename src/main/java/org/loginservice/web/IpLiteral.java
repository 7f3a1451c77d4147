package org.loginservice.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IP address literals, read strictly and written in one canonical form: IPv4 as a dotted
 * quad, IPv6 as RFC 5952 has it ({@code 2001:db8::1}), an IPv4-mapped IPv6 address as
 * IPv4. Nothing here asks DNS: {@link InetAddress#getByName} would, for any text that is
 * not a literal, and a header can hold any text.
 */
final class IpLiteral {

	/** The longest IPv6 literal, with an IPv4 tail. */
	private static final int MAX_LENGTH = 45;

	private IpLiteral() {
	}

	/**
	 * The address, if the text is exactly an IPv4 dotted quad (four decimal numbers of 0
	 * to 255, no leading zeros) or an IPv6 address (RFC 4291 text, no zone, no brackets).
	 */
	static Optional<InetAddress> parse(String text) {
		if (text.isEmpty() || text.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		byte[] bytes = (text.indexOf(':') >= 0) ? ipv6(text) : ipv4(text);
		if (bytes == null) {
			return Optional.empty();
		}
		try {
			// From bytes, no look-up; an IPv4-mapped address comes back as IPv4.
			return Optional.of(InetAddress.getByAddress(bytes));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("4 or 16 bytes are an address", ex);
		}
	}

	/** The canonical text of an address. */
	static String canonical(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
		}
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
		}
		// The longest run of two or more zero groups, the first of equals, becomes "::".
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8; i++) {
			int length = 0;
			while (i + length < 8 && groups[i + length] == 0) {
				length++;
			}
			if (length > bestLength) {
				bestStart = i;
				bestLength = length;
			}
			i += length;
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[i]));
		}
		return text.toString();
	}

	private static byte[] ipv4(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return null;
		}
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			int value = decimalOctet(parts[i]);
			if (value < 0) {
				return null;
			}
			bytes[i] = (byte) value;
		}
		return bytes;
	}

	/** 0 to 255 without leading zeros (which some read as octal), or -1. */
	private static int decimalOctet(String part) {
		if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
			return -1;
		}
		int value = 0;
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return (value <= 255) ? value : -1;
	}

	private static byte[] ipv6(String text) {
		int gap = text.indexOf("::");
		if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
			return null;
		}
		String head = (gap >= 0) ? text.substring(0, gap) : text;
		String tail = (gap >= 0) ? text.substring(gap + 2) : "";
		int[] front = groups(head, gap < 0);
		int[] back = (gap >= 0) ? groups(tail, true) : new int[0];
		if (front == null || back == null) {
			return null;
		}
		int count = front.length + back.length;
		if ((gap < 0 && count != 8) || (gap >= 0 && count > 7)) {
			return null;
		}
		byte[] bytes = new byte[16];
		for (int i = 0; i < front.length; i++) {
			bytes[2 * i] = (byte) (front[i] >> 8);
			bytes[2 * i + 1] = (byte) front[i];
		}
		for (int i = 0; i < back.length; i++) {
			int at = 8 - back.length + i;
			bytes[2 * at] = (byte) (back[i] >> 8);
			bytes[2 * at + 1] = (byte) back[i];
		}
		return bytes;
	}

	/**
	 * The 16-bit groups of one side of an IPv6 literal, or null; a dotted quad may end
	 * the last side, as two groups.
	 */
	private static int[] groups(String side, boolean last) {
		if (side.isEmpty()) {
			return new int[0];
		}
		String[] parts = side.split(":", -1);
		int dotted = (last && parts[parts.length - 1].indexOf('.') >= 0) ? 1 : 0;
		int[] groups = new int[parts.length + dotted];
		for (int i = 0; i < parts.length - dotted; i++) {
			groups[i] = hexGroup(parts[i]);
			if (groups[i] < 0) {
				return null;
			}
		}
		if (dotted == 1) {
			byte[] ipv4 = ipv4(parts[parts.length - 1]);
			if (ipv4 == null) {
				return null;
			}
			groups[parts.length - 1] = ((ipv4[0] & 0xff) << 8) | (ipv4[1] & 0xff);
			groups[parts.length] = ((ipv4[2] & 0xff) << 8) | (ipv4[3] & 0xff);
		}
		return groups;
	}

	/** One to four hexadecimal digits, or -1. */
	private static int hexGroup(String part) {
		if (part.isEmpty() || part.length() > 4) {
			return -1;
		}
		int value = 0;
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			int digit;
			if (c >= '0' && c <= '9') {
				digit = c - '0';
			}
			else if (c >= 'a' && c <= 'f') {
				digit = c - 'a' + 10;
			}
			else if (c >= 'A' && c <= 'F') {
				digit = c - 'A' + 10;
			}
			else {
				return -1;
			}
			value = (value << 4) | digit;
		}
		return value;
	}

}
