package org.loginservice.challenge;

/** What a challenge is for: a solution for one is no use for the other. */
enum Purpose {

	REGISTER("register"), LOGIN("login");

	private final String value;

	Purpose(String value) {
		this.value = value;
	}

	String value() {
		return this.value;
	}

	static Purpose of(String value) {
		return REGISTER.value.equals(value) ? REGISTER : LOGIN;
	}

}
