package org.loginservice.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.restassured.path.json.JsonPath;
import io.swagger.v3.oas.annotations.Hidden;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTests extends ApiTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlers;

	@Test
	void everyEndpointOfTheServiceIsInTheSpec() {
		Set<String> documented = operations(spec());
		Set<String> served = new HashSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : this.handlers.getHandlerMethods().entrySet()) {
			if (!handler.getValue().getBeanType().getPackageName().startsWith("org.loginservice")
					|| handler.getValue().getBeanType().isAnnotationPresent(Hidden.class)) {
				continue;
			}
			for (String path : handler.getKey().getPatternValues()) {
				handler.getKey()
					.getMethodsCondition()
					.getMethods()
					.forEach((method) -> served.add(method + " " + path));
			}
		}

		assertThat(served).hasSizeGreaterThanOrEqualTo(9);
		assertThat(documented).containsAll(served);
	}

	@Test
	void errorsAreProblemDetailsAndTokensAreBearer() {
		JsonPath spec = spec();

		assertThat(spec.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
		assertThat(spec.getList("paths.'/me'.get.security.bearer")).isNotNull();
		assertThat(spec.getMap("paths.'/login'.post.responses.'401'.content")).containsKey("application/problem+json");
		assertThat(spec.getMap("paths.'/register'.post.responses")).containsKeys("201", "400", "409", "429", "503");
		assertThat(spec.getMap("paths.'/me/password'.post.responses")).containsKeys("204", "401", "403");
	}

	@Test
	void swaggerUiIsServed() {
		api().redirects().follow(true).get("/swagger-ui.html").then().statusCode(200).contentType("text/html");
	}

	private JsonPath spec() {
		return api().get("/v3/api-docs").then().statusCode(200).extract().jsonPath();
	}

	private static Set<String> operations(JsonPath spec) {
		Set<String> operations = new HashSet<>();
		Map<String, Map<String, Object>> paths = spec.getMap("paths");
		paths.forEach((path, methods) -> methods.keySet()
			.forEach((method) -> operations.add(method.toUpperCase() + " " + path)));
		return operations;
	}

}
