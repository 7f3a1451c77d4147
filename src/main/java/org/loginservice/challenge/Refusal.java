package org.loginservice.challenge;

/** Why a solution was not taken: the {@code reason} of the 403 and of the metric. */
public enum Refusal {

	MISSING("missing", "This request needs a solved challenge in the field altcha"),

	MALFORMED("malformed", "The field altcha is not a solution as a challenge solver makes it"),

	TAMPERED("tampered", "The solution's challenge was not issued here, or was changed"),

	EXPIRED("expired", "The solution's challenge has expired"),

	REPLAYED("replayed", "The solution has been used already; each is good once"),

	UNSOLVED("unsolved", "The solution does not solve its challenge"),

	WRONG_PURPOSE("wrong-purpose", "The solution's challenge was issued for another kind of request"),

	TOO_EASY("too-easy", "This request needs a harder challenge than the one solved");

	private final String reason;

	private final String detail;

	Refusal(String reason, String detail) {
		this.reason = reason;
		this.detail = detail;
	}

	public String reason() {
		return this.reason;
	}

	String detail() {
		return this.detail;
	}

}
