package org.loginservice.throttle;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every unsuccessful login towards its address's limit, whatever made it fail: a
 * request refused before its password is checked (400, 405, 406, 413, 415, 429) costs the
 * attacker as much as a wrong password. The 401s are counted by the login itself; a
 * request shed with 503 is not the client's failure and is not counted. It runs before
 * the filters that refuse bodies, so that their refusals are counted too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RefusedLogins extends OncePerRequestFilter {

	private final AddressThrottle addresses;

	RefusedLogins(AddressThrottle addresses) {
		this.addresses = addresses;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/login".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		HttpStatus status = HttpStatus.resolve(response.getStatus());
		if (status != null && status.is4xxClientError() && status != HttpStatus.UNAUTHORIZED) {
			try {
				this.addresses.loginFailed(request.getRemoteAddr());
			}
			catch (DataAccessException ex) {
				// The answer is given; the count is lost only while the database is down.
			}
		}
	}

}
