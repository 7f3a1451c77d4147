package org.loginservice.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
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
 * The {@code Accept} header as Spring MVC should read it, so that an answer nobody can
 * read is refused with 406 before any work is done, never written as a 500 after it:
 * <ul>
 * <li>a media range with {@code q=0} is one the client refuses, where Spring MVC would
 * take it as accepted;</li>
 * <li>a range that asks for a charset other than UTF-8 ({@code application/json;
 * charset=latin1}) cannot be answered, since every answer is UTF-8; one that asks for
 * UTF-8 is the range without the parameter.</li>
 * </ul>
 * When no range is left, the request asks for {@link #NOTHING}, which no endpoint
 * produces.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class AcceptedTypes extends OncePerRequestFilter {

	/** A media type that no endpoint answers in. */
	static final String NOTHING = "application/x-nothing-acceptable";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		String readable = (accept != null) ? readable(accept) : null;
		chain.doFilter((readable != null) ? new Accepting(request, readable) : request, response);
	}

	/** The ranges that can be answered, or {@code null} to leave the header as it is. */
	private static String readable(String accept) {
		List<MediaType> ranges;
		try {
			ranges = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			// Spring MVC refuses it with 406 itself.
			return null;
		}
		if (ranges.stream().allMatch((range) -> range.getQualityValue() > 0 && range.getCharset() == null)) {
			// As nearly every request: nothing to drop, so no wrapper on the way.
			return null;
		}
		List<MediaType> kept = ranges.stream()
			.filter((range) -> range.getQualityValue() > 0)
			.filter((range) -> range.getCharset() == null || StandardCharsets.UTF_8.equals(range.getCharset()))
			.map(AcceptedTypes::withoutCharset)
			.toList();
		return kept.isEmpty() ? NOTHING : MediaType.toString(kept);
	}

	private static MediaType withoutCharset(MediaType range) {
		Map<String, String> parameters = new LinkedHashMap<>(range.getParameters());
		parameters.keySet().removeIf("charset"::equalsIgnoreCase);
		return new MediaType(range.getType(), range.getSubtype(), parameters);
	}

	private static final class Accepting extends HttpServletRequestWrapper {

		private final String accept;

		Accepting(HttpServletRequest request, String accept) {
			super(request);
			this.accept = accept;
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? this.accept : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(this.accept))
					: super.getHeaders(name);
		}

	}

}
