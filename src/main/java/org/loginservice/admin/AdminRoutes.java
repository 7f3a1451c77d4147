package org.loginservice.admin;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.loginservice.session.OpaqueTokens;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The admin API's routes under {@code /admin}, each behind
 * {@code Authorization: Bearer <auth.admin.token>}, compared in constant time. While no
 * token is set, every one of them answers 404, as a path that does not exist.
 */
class AdminRoutes {

	private static final String BEARER = "Bearer ";

	private final AdminService admin;

	private final String tokenHash;

	AdminRoutes(AdminService admin, AdminSettings settings) {
		this.admin = admin;
		this.tokenHash = (settings.token() != null) ? OpaqueTokens.hash(settings.token()) : null;
	}

	RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET("/admin/users", this::list)
			.GET("/admin/users/{username}", (request) -> ok(this.admin.find(name(request))))
			.POST("/admin/users/{username}/unlock", done((name) -> this.admin.unlock(name)))
			.POST("/admin/users/{username}/revoke-sessions", done((name) -> this.admin.revokeSessions(name)))
			.POST("/admin/users/{username}/password-reset", (request) -> ok(this.admin.passwordReset(name(request))))
			.DELETE("/admin/users/{username}/totp", done((name) -> this.admin.removeTotp(name)))
			.DELETE("/admin/users/{username}", done((name) -> this.admin.delete(name)))
			.filter((request, next) -> {
				if (this.tokenHash == null) {
					return problem(HttpStatus.NOT_FOUND, "about:blank", "No such path.");
				}
				if (!authorized(request)) {
					return ServerResponse.status(HttpStatus.UNAUTHORIZED)
						.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"admin\"")
						.contentType(MediaType.APPLICATION_PROBLEM_JSON)
						.body(problemDetail(HttpStatus.UNAUTHORIZED, "/problems/invalid-token",
								"The admin API needs Authorization: Bearer with auth.admin.token."));
				}
				try {
					return next.handle(request);
				}
				catch (NoSuchUser ex) {
					return problem(HttpStatus.NOT_FOUND, "/problems/no-such-user", ex.getMessage());
				}
			})
			.build();
	}

	private ServerResponse list(ServerRequest request) {
		Optional<Integer> page = number(request, "page", 0, Integer.MAX_VALUE / AdminService.MAX_PAGE_SIZE);
		Optional<Integer> size = number(request, "size", 1, AdminService.MAX_PAGE_SIZE);
		String query = request.param("query").orElse("");
		if (page.isEmpty() || size.isEmpty() || query.length() > 256) {
			return problem(HttpStatus.BAD_REQUEST, "/problems/invalid-fields", "page must be 0 or more, size 1 to "
					+ AdminService.MAX_PAGE_SIZE + ", query at most 256 characters");
		}
		return ok(this.admin.list(query, page.get(), size.get()));
	}

	private boolean authorized(ServerRequest request) {
		List<String> headers = request.headers().header(HttpHeaders.AUTHORIZATION);
		if (headers.size() != 1 || !headers.get(0).regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return false;
		}
		return OpaqueTokens.matchesHash(this.tokenHash, headers.get(0).substring(BEARER.length()).strip());
	}

	private static HandlerFunction<ServerResponse> done(java.util.function.Consumer<String> action) {
		return (request) -> {
			action.accept(name(request));
			return ServerResponse.noContent().build();
		};
	}

	private static String name(ServerRequest request) {
		return request.pathVariable("username");
	}

	/**
	 * The parameter as a number in the range, its default when absent; empty if neither.
	 */
	private static Optional<Integer> number(ServerRequest request, String name, int min, int max) {
		Optional<String> value = request.param(name);
		if (value.isEmpty()) {
			return Optional.of((name.equals("size")) ? 20 : 0);
		}
		if (!value.get().matches("[0-9]{1,9}")) {
			return Optional.empty();
		}
		int number = Integer.parseInt(value.get());
		return (number >= min && number <= max) ? Optional.of(number) : Optional.empty();
	}

	private static ServerResponse ok(Object body) {
		return ServerResponse.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

	private static ServerResponse problem(HttpStatus status, String type, String detail) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problemDetail(status, type, detail));
	}

	private static ProblemDetail problemDetail(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(type));
		return problem;
	}

}
