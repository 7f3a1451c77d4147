package org.loginservice.session;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a handler method its {@link Authenticated} caller, from the
 * {@code Authorization: Bearer} header only: a token never travels in a URL, where logs
 * and browser histories would keep it.
 */
@Component
class BearerTokens implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private static final String BEARER = "Bearer ";

	private final SessionService sessions;

	BearerTokens(SessionService sessions) {
		this.sessions = sessions;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Authenticated.class;
	}

	@Override
	public Authenticated resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw new InvalidToken();
		}
		return this.sessions.authenticate(header.substring(BEARER.length()).strip());
	}

}
