package org.loginservice.login;

import jakarta.validation.constraints.NotNull;

/**
 * The second step of a login, from a JSON or a form body.
 *
 * @param mfaToken the token the first step answered with
 * @param code a current code of the authenticator (6 digits, spaces allowed) or a
 * recovery code (without regard to case, spaces or hyphens)
 */
record SecondStepRequest(@NotNull(message = "is required") String mfaToken,
		@NotNull(message = "is required") String code) {

	/** Without the token or the code, so that no log or debugger view ever shows them. */
	@Override
	public String toString() {
		return "SecondStepRequest[]";
	}

}
