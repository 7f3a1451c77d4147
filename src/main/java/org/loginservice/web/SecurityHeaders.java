package org.loginservice.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers every response carries. Nothing this service answers may be cached: most
 * responses carry or answer credentials, and the rest are cheap. Browsers are told to
 * frame and sniff nothing, and to run nothing but the pages' own scripts.
 * <p>
 * The list is here alone: Tomcat's own error answers ({@link TomcatErrorReports}) set it
 * through {@link #set}, and the filter runs on error dispatches too, since some errors (a
 * {@code TRACE}, refused by Tomcat) reach {@code /error} with no request dispatch before.
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
		boolean page = isPage(request);
		set(response, page);
		chain.doFilter(request, page ? new PageResponse(response) : response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/**
	 * Sets the headers on a response.
	 * @param page whether the response is one of the pages (the demo, Swagger UI), which
	 * load their own scripts and styles; an error answer is never a page
	 */
	static void set(HttpServletResponse response, boolean page) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy", page ? PAGE_POLICY : API_POLICY);
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	/**
	 * A page's answer that turns out to be an error (a 404 under {@code /demo}) is data,
	 * not a page: it gets the API's policy.
	 */
	private static final class PageResponse extends HttpServletResponseWrapper {

		PageResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void setStatus(int status) {
			if (status >= 400) {
				setHeader("Content-Security-Policy", API_POLICY);
			}
			super.setStatus(status);
		}

	}

	/** An error dispatch is on {@code /error}, never a page: its answer is data. */
	private static boolean isPage(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/demo") || path.startsWith("/swagger-ui");
	}

}
