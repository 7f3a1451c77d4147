package org.loginservice.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers every response carries. Nothing this service answers may be cached: most
 * responses carry or answer credentials, and the rest are cheap. Browsers are told to
 * frame and sniff nothing, and to run nothing but the pages' own scripts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

	/** Answers of the API are data: nothing in them may run or load. */
	private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	/**
	 * The demo page and Swagger UI load their own scripts and styles, and nothing else.
	 */
	private static final String PAGE_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy", isPage(request) ? PAGE_POLICY : API_POLICY);
		response.setHeader("Referrer-Policy", "no-referrer");
		chain.doFilter(request, response);
	}

	private static boolean isPage(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/demo") || path.startsWith("/swagger-ui");
	}

}
