package org.loginservice.user;

import java.util.List;

/** A new password does not pass the password policy, for the reasons listed. */
public class WeakPassword extends RuntimeException {

	private final String field;

	private final List<String> problems;

	WeakPassword(String field, List<String> problems) {
		super(field + " " + String.join("; " + field + " ", problems), null, false, false);
		this.field = field;
		this.problems = problems;
	}

	/** The request field that held the password. */
	public String field() {
		return this.field;
	}

	public List<String> problems() {
		return this.problems;
	}

}
