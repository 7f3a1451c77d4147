package org.loginservice.introspection;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.loginservice.session.OpaqueTokens;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives the introspection endpoint its {@link IntrospectionClient}, from the
 * {@code Authorization: Basic} header only, before the request's fields are read: with no
 * resource server configured the endpoint is not there (the 404 of an unknown path), and
 * a caller that is not one gets {@link InvalidClient}.
 * <p>
 * Secrets are compared as SHA-256 digests with {@link OpaqueTokens#matchesHash}, whose
 * time depends on neither value, and an unknown name is compared against a dummy all the
 * same. RFC 6749 §2.3.1 has a client form-encode its name and secret before Basic, as
 * Spring Security does ({@code +} as {@code %2B}), while curl and most proxies send them
 * as they are: both forms are taken.
 */
@Component
class IntrospectionClients implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private static final String BASIC = "Basic ";

	private static final String DUMMY = OpaqueTokens.hash("no resource server has this secret");

	private final Map<String, String> secrets;

	private final IntrospectionEvents events;

	IntrospectionClients(IntrospectionSettings settings, IntrospectionEvents events) {
		this.secrets = settings.clients()
			.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (client) -> OpaqueTokens.hash(client.getValue())));
		this.events = events;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == IntrospectionClient.class;
	}

	@Override
	public IntrospectionClient resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) throws NoHandlerFoundException {
		HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
		if (this.secrets.isEmpty()) {
			throw new NoHandlerFoundException(http.getMethod(), http.getRequestURI(),
					new ServletServerHttpRequest(http).getHeaders());
		}
		String[] credentials = credentials(request.getHeader(HttpHeaders.AUTHORIZATION));
		String name = (credentials != null) ? decoded(credentials[0]) : null;
		if (name == null || !this.secrets.containsKey(name)) {
			matches(DUMMY, (credentials != null) ? credentials[1] : "");
			this.events.refused(null, http.getRemoteAddr());
			throw new InvalidClient();
		}
		if (!matches(this.secrets.get(name), credentials[1])) {
			this.events.refused(name, http.getRemoteAddr());
			throw new InvalidClient();
		}
		return new IntrospectionClient(name);
	}

	/**
	 * Whether the password, as sent or form-decoded, is the secret; the same work either
	 * way.
	 */
	private static boolean matches(String secret, String password) {
		String decoded = decoded(password);
		boolean asSent = OpaqueTokens.matchesHash(secret, password);
		boolean asDecoded = OpaqueTokens.matchesHash(secret, (decoded != null) ? decoded : password);
		return asSent | asDecoded;
	}

	/** The user-id and password of a Basic header, or null if it is none. */
	private static String[] credentials(String header) {
		if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			return null;
		}
		try {
			String pair = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
					StandardCharsets.UTF_8);
			int colon = pair.indexOf(':');
			return (colon < 0) ? null : new String[] { pair.substring(0, colon), pair.substring(colon + 1) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The text form-decoded, or null if it has a broken {@code %} escape. */
	private static String decoded(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
