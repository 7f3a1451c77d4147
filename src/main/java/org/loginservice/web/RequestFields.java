package org.loginservice.web;

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
 * <li>the second step of a login takes no query string at all: a recovery code in a URL
 * would end up in the logs of every proxy on the way.</li>
 * </ul>
 * Refusals are 400 {@code invalid-fields}, naming the field, before the handler runs.
 */
@ControllerAdvice
class RequestFields implements HandlerInterceptor, WebMvcConfigurer {

	private static final Set<String> BODY_ONLY = Set.of("/login/totp", "/login/recovery");

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
		if (BODY_ONLY.contains(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
				&& request.getQueryString() != null && !request.getQueryString().isEmpty()) {
			throw new AmbiguousField(request.getQueryString().split("[=&]", 2)[0],
					"must be in the body, not in the query string, which proxies and logs keep");
		}
		boolean json = isJson(request.getContentType());
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (parameter.getValue().length > 1) {
				throw new AmbiguousField(parameter.getKey(), "must be given once");
			}
			if (json) {
				throw new AmbiguousField(parameter.getKey(), "must be in the JSON body, not in the query string");
			}
		}
		return true;
	}

	private static boolean isJson(String contentType) {
		try {
			return contentType != null
					&& MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
		}
		catch (IllegalArgumentException ex) {
			return false;
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
