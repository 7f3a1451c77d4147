package org.loginservice.challenge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a registration or login needs a solved proof-of-work challenge, and how much work
 * one asks.
 * <p>
 * A challenge's work is the size of the range its counter is drawn from: a solver derives
 * half of it on average, each derivation {@code cost} PBKDF2 iterations. The first
 * challenge an address needs asks {@code minWork}, each further one twice the last, up to
 * {@code maxWork}. At the defaults, {@code minWork} is about 0.3 s of a budget phone and
 * {@code maxWork} about 10 s, ALTCHA's recommended setting.
 *
 * @param mode {@code adaptive}: only under pressure (below); {@code always}: every
 * registration and login; {@code off}: never
 * @param secret the HMAC secret challenges are signed with, shared by every instance;
 * when unset, one is generated once and kept in the database
 * @param ttl how long a challenge can be solved and used
 * @param cost PBKDF2 iterations of one key derivation; issuing a challenge costs one
 * @param minWork the work of the first challenge an address or name needs
 * @param maxWork the most work a challenge asks
 * @param freeRegistrations registrations one address may attempt per registration window
 * (see {@code auth.throttle.registration-window}) with no challenge
 * @param freeFailedLogins failed logins an address or a name may have before its logins
 * need a challenge; an address's are those of the failed-login window, a name's those
 * since its last successful login
 * @param surgeRegistrationsPerMinute registration attempts of the whole service per
 * minute above which every registration needs a challenge, until a minute stays below
 */
@ConfigurationProperties("auth.challenge")
public record ChallengeSettings(@DefaultValue("adaptive") Mode mode, String secret, @DefaultValue("5m") Duration ttl,
		@DefaultValue("5000") int cost, @DefaultValue("500") int minWork, @DefaultValue("16000") int maxWork,
		@DefaultValue("3") int freeRegistrations, @DefaultValue("3") int freeFailedLogins,
		@DefaultValue("300") int surgeRegistrationsPerMinute, @DefaultValue("30") int challengesPerAddressPerMinute) {

	public ChallengeSettings {
		if (secret != null && !secret.isBlank() && secret.length() < 32) {
			throw new IllegalArgumentException("auth.challenge.secret must be at least 32 characters long");
		}
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("auth.challenge.ttl must be positive");
		}
		if (cost < 1 || cost > 10_000_000) {
			throw new IllegalArgumentException("auth.challenge.cost must be 1 to 10000000");
		}
		if (minWork < 1 || maxWork < minWork) {
			throw new IllegalArgumentException("auth.challenge.min-work must be at least 1 and at most max-work");
		}
		secret = (secret != null && !secret.isBlank()) ? secret : null;
	}

	@Override
	public String toString() {
		return "ChallengeSettings[mode=" + this.mode + ", ttl=" + this.ttl + ", cost=" + this.cost + "]";
	}

	/** When challenges are asked for. */
	public enum Mode {

		ADAPTIVE, ALWAYS, OFF

	}

}
