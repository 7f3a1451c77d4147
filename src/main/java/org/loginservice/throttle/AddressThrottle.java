package org.loginservice.throttle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import org.loginservice.ThrottleSettings;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits what one client address may do, in fixed windows counted in the database: failed
 * logins over any names (against password spraying) and new accounts, an IPv6 address by
 * its /64. It also counts what the proof-of-work challenges are sized by: each address's
 * registration attempts, and those of the whole service per minute (under the address
 * {@code *}, which no client has).
 */
@Component
public class AddressThrottle {

	private static final String FAILED_LOGIN = "failed-login";

	private static final String REGISTRATION = "registration";

	private static final String NEW_ACCOUNT = "new-account";

	private static final String CHALLENGE = "challenge";

	private static final String PASSKEY_OPTIONS = "passkey-options";

	private static final String SERVICE = "*";

	private static final Duration MINUTE = Duration.ofMinutes(1);

	/** An IPv6 literal, which {@link InetAddress} reads without any lookup. */
	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private static final int MAX_ADDRESS_LENGTH = 128;

	private final JdbcTemplate jdbc;

	private final ThrottleSettings settings;

	private final Clock clock;

	AddressThrottle(JdbcTemplate jdbc, ThrottleSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @return the address's failed logins in this window
	 * @throws TooManyAttempts if the address used up its failed logins for now
	 */
	public int checkLogin(String address) {
		Window window = window(this.settings.failedLoginWindow());
		int failures = hits(key(address), FAILED_LOGIN, window.start());
		if (failures >= this.settings.failedLoginsPerAddress()) {
			throw new TooManyAttempts(window.remaining());
		}
		return failures;
	}

	/** The address's failed logins in this window. */
	public int failedLogins(String address) {
		return hits(key(address), FAILED_LOGIN, window(this.settings.failedLoginWindow()).start());
	}

	public void loginFailed(String address) {
		increment(address, FAILED_LOGIN, window(this.settings.failedLoginWindow()));
	}

	/**
	 * Counts an account about to be made (not a name found taken).
	 * @throws TooManyAttempts if it is one too many
	 */
	public void newAccount(String address) {
		Window window = window(this.settings.registrationWindow());
		if (increment(address, NEW_ACCOUNT, window) > this.settings.registrationsPerAddress()) {
			throw new TooManyAttempts(window.remaining());
		}
	}

	/** The address's registration attempts in this registration window. */
	public int registrationAttempts(String address) {
		return hits(key(address), REGISTRATION, window(this.settings.registrationWindow()).start());
	}

	/** Counts a registration attempt of the address, and of the whole service. */
	public void registrationAttempted(String address) {
		increment(address, REGISTRATION, window(this.settings.registrationWindow()));
		increment(SERVICE, REGISTRATION, window(MINUTE));
	}

	/**
	 * Counts a challenge issued to the address, in windows of a minute.
	 * @param limit how many it may have a minute
	 * @throws TooManyAttempts if it is one too many
	 */
	public void challengeIssued(String address, int limit) {
		perMinute(address, CHALLENGE, limit);
	}

	/**
	 * Counts passkey options (a ceremony begun) issued to the address, in windows of a
	 * minute.
	 * @param limit how many it may have a minute
	 * @throws TooManyAttempts if it is one too many
	 */
	public void passkeyOptionsIssued(String address, int limit) {
		perMinute(address, PASSKEY_OPTIONS, limit);
	}

	private void perMinute(String address, String kind, int limit) {
		Window window = window(MINUTE);
		if (increment(address, kind, window) > limit) {
			throw new TooManyAttempts(window.remaining());
		}
	}

	/**
	 * The registration attempts of the whole service in this minute or the last,
	 * whichever had more, so that a surge is not forgotten when a minute begins.
	 */
	public int serviceRegistrations() {
		OffsetDateTime minute = window(MINUTE).start();
		return this.jdbc.queryForObject(
				"SELECT COALESCE(MAX(hits), 0) FROM address_counts WHERE address = ? AND kind = ? AND window_start IN (?, ?)",
				Integer.class, SERVICE, REGISTRATION, minute, minute.minus(MINUTE));
	}

	/** Forgets windows that have ended. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void purge() {
		Duration longest = (this.settings.failedLoginWindow().compareTo(this.settings.registrationWindow()) > 0)
				? this.settings.failedLoginWindow() : this.settings.registrationWindow();
		this.jdbc.update("DELETE FROM address_counts WHERE window_start < ?",
				this.clock.instant().minus(longest).atOffset(ZoneOffset.UTC));
	}

	/** Adds one to the window's count, atomically on every database, and returns it. */
	private int increment(String clientAddress, String kind, Window window) {
		String address = key(clientAddress);
		boolean first = CounterRows.increment(this.jdbc,
				new CounterRows.Statement(
						"UPDATE address_counts SET hits = hits + 1 WHERE address = ? AND kind = ? AND window_start = ?",
						address, kind, window.start()),
				new CounterRows.Statement(
						"INSERT INTO address_counts (address, kind, window_start, hits) VALUES (?, ?, ?, 1)", address,
						kind, window.start()));
		return first ? 1 : hits(address, kind, window.start());
	}

	/** The window's count so far, 0 if it has none. */
	private int hits(String address, String kind, OffsetDateTime windowStart) {
		List<Integer> hits = this.jdbc.queryForList(
				"SELECT hits FROM address_counts WHERE address = ? AND kind = ? AND window_start = ?", Integer.class,
				address, kind, windowStart);
		return hits.isEmpty() ? 0 : hits.get(0);
	}

	/**
	 * What an address is counted under. Addresses are IP literals (see
	 * {@code web.ClientAddresses}); an IPv6 one counts by its /64, since one subscriber
	 * or one host usually holds a whole /64, and would otherwise have 2^64 addresses to
	 * spend. The cut only keeps any other caller to the column.
	 */
	private static String key(String address) {
		if (IPV6.matcher(address).matches()) {
			try {
				byte[] bytes = InetAddress.getByName(address).getAddress();
				if (bytes.length == 16) {
					ByteBuffer words = ByteBuffer.wrap(bytes);
					return String.format("%x:%x:%x:%x::/64", words.getShort() & 0xffff, words.getShort() & 0xffff,
							words.getShort() & 0xffff, words.getShort() & 0xffff);
				}
			}
			catch (UnknownHostException ex) {
				// Not a literal after all: counted as the text it is.
			}
		}
		return (address.length() > MAX_ADDRESS_LENGTH) ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
	}

	private Window window(Duration length) {
		Instant now = this.clock.instant();
		long seconds = length.toSeconds();
		Instant start = Instant.ofEpochSecond(now.getEpochSecond() / seconds * seconds);
		return new Window(start.atOffset(ZoneOffset.UTC), Duration.between(now, start.plus(length)));
	}

	private record Window(OffsetDateTime start, Duration remaining) {

	}

}
