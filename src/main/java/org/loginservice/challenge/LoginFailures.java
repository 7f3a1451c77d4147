package org.loginservice.challenge;

/**
 * How often logins for a name have failed since its last success: what a name's login
 * challenge is sized by. The login flow knows how names compare, and provides it.
 */
public interface LoginFailures {

	/**
	 * @param username a name as a client sends it, in any case or width
	 */
	int of(String username);

}
