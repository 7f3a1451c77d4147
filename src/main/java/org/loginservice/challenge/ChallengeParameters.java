package org.loginservice.challenge;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a challenge asks and promises, all of it signed.
 *
 * @param data what the challenge is for and how much work it asks, so that a challenge
 * for one purpose or an easier one is not taken for another
 */
@JsonPropertyOrder(alphabetic = true)
record ChallengeParameters(String algorithm, int cost, Data data, long expiresAt, int keyLength, String keyPrefix,
		String keySignature, String nonce, String salt) {

	/**
	 * The JSON that is signed: {@code JSON.stringify} of the parameters with sorted keys.
	 * Every value is a number or a string of letters, digits and slashes, which JSON
	 * writes as they are.
	 */
	String canonical() {
		return "{\"algorithm\":\"" + this.algorithm + "\",\"cost\":" + this.cost + ",\"data\":{\"purpose\":\""
				+ this.data.purpose() + "\",\"work\":" + this.data.work() + "},\"expiresAt\":" + this.expiresAt
				+ ",\"keyLength\":" + this.keyLength + ",\"keyPrefix\":\"" + this.keyPrefix + "\",\"keySignature\":\""
				+ this.keySignature + "\",\"nonce\":\"" + this.nonce + "\",\"salt\":\"" + this.salt + "\"}";
	}

	/**
	 * @param purpose {@code register} or {@code login}
	 * @param work the size of the counter's range
	 */
	@JsonPropertyOrder(alphabetic = true)
	record Data(String purpose, int work) {

	}

}
