package org.loginservice.challenge;

/**
 * The request needs a solved proof-of-work challenge and has none that is good: a 403
 * naming the reason and where to get a challenge of the work needed.
 */
public class ChallengeRequired extends RuntimeException {

	private final Refusal refusal;

	private final String challengeUrl;

	ChallengeRequired(Refusal refusal, String challengeUrl) {
		super(refusal.detail() + "; get a challenge at " + challengeUrl
				+ ", solve it, and send the solution in the field altcha", null, false, false);
		this.refusal = refusal;
		this.challengeUrl = challengeUrl;
	}

	public Refusal refusal() {
		return this.refusal;
	}

	/**
	 * A relative URL of {@code GET /challenge} for a challenge the request would take.
	 */
	public String challengeUrl() {
		return this.challengeUrl;
	}

}
