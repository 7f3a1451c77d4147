package org.loginservice.web;

import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import org.loginservice.session.Authenticated;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}: what springdoc reads from the
 * controllers, plus what it cannot: the bearer scheme, the success statuses, and the
 * problem+json errors each endpoint can answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String BEARER = "bearer";

	private static final String PROBLEM = "application/problem+json";

	private static final Set<String> AUTHENTICATED = Set.of("/me", "/me/password", "/logout");

	/** Success status of each operation whose handler does not say it in its type. */
	private static final Map<String, String> SUCCESS = Map.of("POST /register", "201", "POST /logout", "204",
			"POST /me/password", "204", "DELETE /me", "204");

	/** The errors of each operation, beside 400 for every request with input. */
	private static final Map<String, String> ERRORS = Map.of("POST /register", "409 413 415 429 503", "GET /login",
			"401 429 503", "POST /login", "401 413 415 429 503", "GET /me", "401", "PATCH /me", "401 413 415",
			"POST /me/password", "401 403 413 415 429 503", "DELETE /me", "401 403 413 415 429 503", "POST /logout",
			"401");

	static {
		// Resolved by the server, not sent by the client.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(HttpServletRequest.class, Authenticated.class);
	}

	@Bean
	OpenApiCustomizer problemsAndBearerTokens() {
		return (openApi) -> {
			openApi.info(new Info().title("login-service")
				.version("1")
				.description("Register and log in users; the tutorial's requests keep working."));
			openApi.components((openApi.getComponents() != null) ? openApi.getComponents() : new Components())
				.getComponents()
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(BEARER));
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				String key = method + " " + path;
				describe(key, path, operation);
			}));
		};
	}

	private static void describe(String key, String path, Operation operation) {
		ApiResponses responses = operation.getResponses();
		String success = SUCCESS.get(key);
		if (success != null && responses.containsKey("200")) {
			ApiResponse ok = responses.remove("200");
			responses.addApiResponse(success, success.equals("204") ? new ApiResponse().description("No Content") : ok);
		}
		if (AUTHENTICATED.contains(path)) {
			operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
		}
		String errors = ERRORS.get(key);
		if (errors == null) {
			return;
		}
		if (operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
			responses.addApiResponse("400", problem("Invalid or malformed input; `errors` lists each field"));
		}
		for (String status : errors.split(" ")) {
			responses.addApiResponse(status, problem(reason(status)));
		}
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
	}

	private static String reason(String status) {
		return switch (status) {
			case "401" -> "Wrong credentials, or a missing, invalid, expired or revoked bearer token";
			case "403" -> "The confirming password is wrong";
			case "409" -> "The username is taken";
			case "413" -> "The body is over 1 MiB";
			case "415" -> "Unsupported Content-Type";
			case "429" -> "Too many attempts; see Retry-After";
			case "503" -> "Overloaded, or the database is down; see Retry-After";
			default -> "Error";
		};
	}

}
