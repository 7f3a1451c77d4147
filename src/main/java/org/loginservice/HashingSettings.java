package org.loginservice;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many password hashes run at once, and how many may wait. BCrypt is the expensive
 * part of every login and registration: more hashes at once than cores only makes each
 * slower, so the rest wait in a short queue, and past that the request is shed with 503
 * at once instead of piling up threads.
 *
 * @param threads threads computing hashes, each up to two at once (in about the time of
 * one); 0 means one per available core
 * @param queue hashes that may wait beyond what the threads can take; 0 means twice the
 * threads
 * @param maxQueueWait a hash that waited longer than this is shed rather than computed,
 * so every answer comes within about this plus one hash
 */
@ConfigurationProperties("auth.hashing")
public record HashingSettings(@DefaultValue("0") int threads, @DefaultValue("0") int queue,
		@DefaultValue("1s") Duration maxQueueWait) {

	public int threadCount() {
		return (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

	public int queueCapacity() {
		return (this.queue > 0) ? this.queue : 2 * threadCount();
	}

}
