package org.loginservice.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies as the API reads them: at most {@value #MAX_BYTES} bytes, in UTF-8.
 * <ul>
 * <li>A declared length over the limit is refused with 413 before anything is read; a
 * chunked body is counted as it is read. Tomcat bounds form bodies itself
 * ({@code server.tomcat.max-http-form-post-size}).</li>
 * <li>A declared charset other than UTF-8 is refused with 415: decoded in it, the same
 * bytes would be another password.</li>
 * <li>A body read as a stream (JSON) that starts with a byte order mark or holds a NUL
 * byte is refused with 400: UTF-8 JSON has neither, and Jackson would take such a body as
 * UTF-16 or UTF-32 by itself.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RequestBodies extends OncePerRequestFilter {

	/** 1 MiB. */
	static final int MAX_BYTES = 1024 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		if (hasBody(request) && !utf8OrUndeclared(request.getContentType())) {
			response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
			return;
		}
		chain.doFilter(new CheckedRequest(request), response);
	}

	/** A declared charset means nothing without a body, as the tutorial's POSTs have. */
	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	/**
	 * Read from the header itself: the request's character encoding is already forced to
	 * UTF-8 by Spring Boot's encoding filter, which hides what the client declared.
	 */
	private static boolean utf8OrUndeclared(String contentType) {
		if (contentType == null) {
			return true;
		}
		try {
			Charset charset = MediaType.parseMediaType(contentType).getCharset();
			return charset == null || StandardCharsets.UTF_8.equals(charset);
		}
		catch (InvalidMediaTypeException ex) {
			// Unparsable, or an unknown charset: Spring MVC answers 415 for it.
			return true;
		}
	}

	/** A request body went past the limit while it was being read. */
	static class BodyTooLarge extends RuntimeException {

		BodyTooLarge() {
			super("The request body is larger than " + MAX_BYTES + " bytes", null, false, false);
		}

	}

	/** A request body read as a stream is not plain UTF-8. */
	static class NotUtf8 extends RuntimeException {

		NotUtf8() {
			super("The body must be UTF-8, with no byte order mark", null, false, false);
		}

	}

	private static final class CheckedRequest extends HttpServletRequestWrapper {

		private ServletInputStream body;

		CheckedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.body = new CheckedInputStream(super.getInputStream());
			}
			return this.body;
		}

	}

	private static final class CheckedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private long count;

		CheckedInputStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b != -1) {
				check(new byte[] { (byte) b }, 0, 1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				check(buffer, offset, n);
			}
			return n;
		}

		private void check(byte[] buffer, int offset, int n) {
			for (int i = 0; i < n; i++) {
				int b = buffer[offset + i] & 0xff;
				if (b == 0 || (this.count + i == 0 && (b == 0xef || b == 0xfe || b == 0xff))) {
					// EF: the UTF-8 byte order mark (no JSON text starts with EF); FE or
					// FF: UTF-16's, which are never UTF-8 at all.
					throw new NotUtf8();
				}
			}
			this.count += n;
			if (this.count > MAX_BYTES) {
				throw new BodyTooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
