package org.loginservice.challenge;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Records what happens to challenges: a log line for each solution taken or refused (with
 * its reason and the client address, never the solution), and metrics scraped as
 * {@code auth_challenges_issued_total{purpose}},
 * {@code auth_challenges_solved_total{purpose}},
 * {@code auth_challenges_refused_total{reason}}, {@code auth_challenges_work{purpose}}
 * (the work of the last challenge issued) and {@code auth_challenges_surge} (1 while
 * every registration needs one).
 */
@Component
@Lazy(false)
class ChallengeEvents {

	private static final Logger log = LoggerFactory.getLogger(ChallengeEvents.class);

	private final Map<Purpose, Counter> issued;

	private final Map<Purpose, Counter> solved;

	private final Map<Refusal, Counter> refused;

	private final Map<Purpose, AtomicInteger> work;

	private final AtomicInteger surge = new AtomicInteger();

	ChallengeEvents(MeterRegistry meters) {
		this.issued = byPurpose((purpose) -> counter(meters, "auth.challenges.issued", "purpose", purpose.value()));
		this.solved = byPurpose((purpose) -> counter(meters, "auth.challenges.solved", "purpose", purpose.value()));
		this.refused = new EnumMap<>(Refusal.class);
		for (Refusal refusal : Refusal.values()) {
			this.refused.put(refusal, counter(meters, "auth.challenges.refused", "reason", refusal.reason()));
		}
		this.work = byPurpose((purpose) -> {
			AtomicInteger work = new AtomicInteger();
			Gauge.builder("auth.challenges.work", work, AtomicInteger::get)
				.tag("purpose", purpose.value())
				.register(meters);
			return work;
		});
		Gauge.builder("auth.challenges.surge", this.surge, AtomicInteger::get).register(meters);
	}

	void issued(Purpose purpose, int work) {
		this.issued.get(purpose).increment();
		this.work.get(purpose).set(work);
	}

	void solved(Purpose purpose, int work, String address) {
		log.info("challenge outcome=solved purpose={} work={} address={}", purpose.value(), work, address);
		this.solved.get(purpose).increment();
	}

	void refused(Purpose purpose, Refusal refusal, int work, String address) {
		log.info("challenge outcome=refused reason={} purpose={} work={} address={}", refusal.reason(), purpose.value(),
				work, address);
		this.refused.get(refusal).increment();
	}

	void surge(boolean on) {
		if (this.surge.getAndSet(on ? 1 : 0) != (on ? 1 : 0)) {
			log.info("challenge surge={}", on ? "on" : "off");
		}
	}

	private static <T> Map<Purpose, T> byPurpose(Function<Purpose, T> make) {
		Map<Purpose, T> map = new EnumMap<>(Purpose.class);
		Arrays.stream(Purpose.values()).forEach((purpose) -> map.put(purpose, make.apply(purpose)));
		return map;
	}

	private static Counter counter(MeterRegistry meters, String name, String tag, String value) {
		return Counter.builder(name).tag(tag, value).register(meters);
	}

}
