package org.loginservice.login;

/**
 * What a right password at {@code /login} gets: a logged-in session, or, for an account
 * with a second factor, the token of the second step.
 */
sealed interface LoginAnswer permits LoginResponse, MfaRequired {

}
