package org.loginservice.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Where the fields of a request come from: one value each, from one place. Anything else
 * would let a proxy, a firewall or a log that reads one value see another request than
 * the one the service answers:
 * <ul>
 * <li>a parameter given twice (twice in the query, or in the query and a form body) would
 * be joined with a comma by the binder, and is refused;</li>
 * <li>a query parameter beside a JSON body would be ignored, and is refused;</li>
 * <li>request headers are never bound to fields (Spring binds a {@code password:} header
 * where no parameter has the name);</li>
 * <li>a query parameter beside a form body is refused too, but on the tutorial's
 * {@code /register} and {@code /login}, whose clients send their fields so: elsewhere a
 * code or a password in a URL would end up in the logs of every proxy on the way.</li>
 * </ul>
 * Refusals are 400 {@code invalid-fields}, naming the field, before the handler runs.
 */
@ControllerAdvice
class RequestFields implements HandlerInterceptor, WebMvcConfigurer {

	/** The tutorial's paths, whose clients send their fields in the query string. */
	private static final Set<String> TUTORIAL = Set.of("/register", "/login");

	@InitBinder
	void noHeaders(WebDataBinder binder) {
		if (binder instanceof ExtendedServletRequestDataBinder servlet) {
			servlet.setHeaderPredicate((header) -> false);
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/error");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod)) {
			return true;
		}
		Map<String, String[]> parameters = request.getParameterMap();
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (parameter.getValue().length > 1) {
				throw new AmbiguousField(parameter.getKey(), "must be given once");
			}
		}
		String query = request.getQueryString();
		String name = (query != null) ? firstName(query) : "";
		if (name.isEmpty()) {
			return true;
		}
		if (isType(request.getContentType(), MediaType.APPLICATION_JSON)) {
			throw new AmbiguousField(name, "must be in the JSON body, not in the query string");
		}
		if (isType(request.getContentType(), MediaType.APPLICATION_FORM_URLENCODED)
				&& !TUTORIAL.contains(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))) {
			throw new AmbiguousField(name,
					"must be in the form body, not in the query string, which proxies and logs keep");
		}
		return true;
	}

	private static boolean isType(String contentType, MediaType type) {
		try {
			return contentType != null && type.isCompatibleWith(MediaType.parseMediaType(contentType));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The first name in a query string, as the client meant it. */
	private static String firstName(String query) {
		String name = query.split("[=&]", 2)[0];
		try {
			return URLDecoder.decode(name, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

	/** A field was given more than once, or in two places. */
	static class AmbiguousField extends RuntimeException {

		private final String field;

		AmbiguousField(String field, String detail) {
			super(detail, null, false, false);
			this.field = field;
		}

		String field() {
			return this.field;
		}

	}

}
