package org.loginservice.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the tutorial's {@code POST /register?username=U&password=P} through: it sends its
 * fields in the query string, with no body and so no {@code Content-Type}. Such a request
 * is presented as an empty form, so the handlers for form bodies (which read query
 * parameters too) take it, while a body of an unsupported type still gets 415.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TutorialPosts extends OncePerRequestFilter {

	/** Only the tutorial's own requests: elsewhere a missing body is just missing. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !"/register".equals(path) && !"/login".equals(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean bodiless = "POST".equals(request.getMethod()) && request.getContentType() == null
				&& request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
		chain.doFilter(bodiless ? new EmptyForm(request) : request, response);
	}

	private static final class EmptyForm extends HttpServletRequestWrapper {

		EmptyForm(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getContentType() {
			return MediaType.APPLICATION_FORM_URLENCODED_VALUE;
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
		}

	}

}
