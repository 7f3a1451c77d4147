package org.loginservice.challenge;

/** A solution that is not taken, and why; answered as {@link ChallengeRequired}. */
class ChallengeRefused extends RuntimeException {

	private final Refusal refusal;

	ChallengeRefused(Refusal refusal) {
		super(refusal.detail(), null, false, false);
		this.refusal = refusal;
	}

	Refusal refusal() {
		return this.refusal;
	}

}
