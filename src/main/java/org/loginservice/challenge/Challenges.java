package org.loginservice.challenge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Semaphore;

import org.loginservice.challenge.ChallengeSettings.Mode;
import org.loginservice.password.Overloaded;
import org.loginservice.throttle.AddressThrottle;

import org.springframework.stereotype.Component;

/**
 * Decides which requests need a solved challenge and of how much work, issues challenges
 * of that work, and takes solutions, each once.
 * <p>
 * In the adaptive mode, a registration needs one once its address has attempted
 * {@code freeRegistrations} in the registration window, or while the whole service sees
 * more than {@code surgeRegistrationsPerMinute}; a login needs one once its address or
 * its name has {@code freeFailedLogins} failures. Each attempt or failure beyond that
 * doubles the work. Everything is checked before any password is hashed, and a refusal
 * costs no hashing.
 */
@Component
public class Challenges {

	private final ChallengeSecret secret;

	private final UsedChallenges used;

	private final AddressThrottle addresses;

	private final ChallengeSettings settings;

	private final ChallengeEvents events;

	private final Clock clock;

	private final Semaphore issuing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

	Challenges(ChallengeSecret secret, UsedChallenges used, AddressThrottle addresses, ChallengeSettings settings,
			ChallengeEvents events, Clock clock) {
		this.secret = secret;
		this.used = used;
		this.addresses = addresses;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Lets a registration through, or not. One that gets through counts towards its
	 * address's attempts and the service's rate; one refused counts towards neither, so
	 * that a flood of requests without solutions changes nothing for anyone else.
	 * @param solution the field {@code altcha}, if any
	 * @throws ChallengeRequired if it needs a solution and has no good one
	 */
	public void checkRegistration(String address, String solution) {
		if (this.settings.mode() == Mode.OFF) {
			return;
		}
		boolean surge = this.addresses.serviceRegistrations() > this.settings.surgeRegistrationsPerMinute();
		this.events.surge(surge);
		int work = registrationWork(this.addresses.registrationAttempts(address), surge);
		check(Purpose.REGISTER, work, solution, address, null);
		this.addresses.registrationAttempted(address);
	}

	/**
	 * Lets a login through to its password check, or not.
	 * @param failures the most failures of the address or the name
	 * @param username the name as sent, for the challenge URL
	 * @param solution the field {@code altcha}, if any
	 * @throws ChallengeRequired if it needs a solution and has no good one
	 */
	public void checkLogin(int failures, String username, String solution, String address) {
		if (this.settings.mode() == Mode.OFF) {
			return;
		}
		check(Purpose.LOGIN, loginWork(failures), solution, address, username);
	}

	/**
	 * A challenge of the work the address's next registration needs, or the least.
	 * @throws org.loginservice.throttle.TooManyAttempts if the address asked for too many
	 * this minute
	 * @throws Overloaded if half the cores are issuing challenges already
	 */
	Altcha.Challenge forRegistration(String address) {
		this.addresses.challengeIssued(address, this.settings.challengesPerAddressPerMinute());
		boolean surge = this.addresses.serviceRegistrations() > this.settings.surgeRegistrationsPerMinute();
		return issue(Purpose.REGISTER, registrationWork(this.addresses.registrationAttempts(address), surge));
	}

	/**
	 * A challenge of the work the next login for the name needs, or the least.
	 * @throws org.loginservice.throttle.TooManyAttempts if the address asked for too many
	 * this minute
	 * @throws Overloaded if half the cores are issuing challenges already
	 */
	Altcha.Challenge forLogin(String address, int nameFailures) {
		this.addresses.challengeIssued(address, this.settings.challengesPerAddressPerMinute());
		return issue(Purpose.LOGIN, loginWork(Math.max(this.addresses.failedLogins(address), nameFailures)));
	}

	private Altcha.Challenge issue(Purpose purpose, int needed) {
		int work = Math.max(needed, this.settings.minWork());
		if (!this.issuing.tryAcquire()) {
			throw new Overloaded();
		}
		try {
			Altcha.Challenge challenge = this.secret.protocol()
				.issue(purpose, work, this.settings.cost(), this.clock.instant().plus(this.settings.ttl()));
			this.events.issued(purpose, work);
			return challenge;
		}
		finally {
			this.issuing.release();
		}
	}

	/**
	 * @param username the name a login was for, or null
	 */
	private void check(Purpose purpose, int work, String solution, String address, String username) {
		if (work == 0 && (solution == null || solution.isEmpty())) {
			return;
		}
		try {
			Altcha.Solved solved = this.secret.protocol().verify(solution, this.clock.instant());
			// A solution that checks out is used up now, whatever else is wrong with it.
			if (!this.used.firstUse(solved.nonce(), solved.expiresAt())) {
				throw new ChallengeRefused(Refusal.REPLAYED);
			}
			if (solved.purpose() != purpose) {
				throw new ChallengeRefused(Refusal.WRONG_PURPOSE);
			}
			if (solved.work() < work) {
				throw new ChallengeRefused(Refusal.TOO_EASY);
			}
			this.events.solved(purpose, solved.work(), address);
		}
		catch (ChallengeRefused ex) {
			this.events.refused(purpose, ex.refusal(), work, address);
			throw new ChallengeRequired(ex.refusal(), challengeUrl(purpose, username));
		}
	}

	private int registrationWork(int attempts, boolean surge) {
		int beyond = attempts - this.settings.freeRegistrations() + 1;
		return work((surge || this.settings.mode() == Mode.ALWAYS) ? Math.max(beyond, 1) : beyond);
	}

	private int loginWork(int failures) {
		int beyond = failures - this.settings.freeFailedLogins() + 1;
		return work((this.settings.mode() == Mode.ALWAYS) ? Math.max(beyond, 1) : beyond);
	}

	/** None up to the free attempts, then the least, doubling up to the most. */
	private int work(int beyond) {
		if (beyond <= 0 || this.settings.mode() == Mode.OFF) {
			return 0;
		}
		long work = (long) this.settings.minWork() << Math.min(beyond - 1, 31);
		return (int) Math.min(work, this.settings.maxWork());
	}

	/**
	 * Where to get a challenge the request would take; for a login, with the name when it
	 * could be one (a longer one has no failures of its own). Made only for a refusal,
	 * never on the way of a login that needs no challenge.
	 */
	private static String challengeUrl(Purpose purpose, String username) {
		String url = "/challenge?for=" + purpose.value();
		if (purpose != Purpose.LOGIN || username == null || username.codePointCount(0, username.length()) > 64) {
			return url;
		}
		return url + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
	}

}
