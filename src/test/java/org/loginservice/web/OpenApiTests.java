package org.loginservice.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;
import org.loginservice.OpenApiContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The OpenAPI document itself: valid, served as written, naming every operation the
 * service has and the errors the README lists, and shown by Swagger UI. That every
 * exchange of the tests keeps to it is {@link OpenApiContract}'s part.
 */
class OpenApiTests extends ApiTest {

	/**
	 * Served, but not API: the demo page, the error page, the document and Swagger UI.
	 */
	/** Mapped only to be refused: Spring MVC would answer it with the GET handler. */
	private static final Set<String> REFUSED = Set.of("HEAD /login");

	private static final Set<String> NOT_API = Set.of("/demo", "/error", "/v3/api-docs", "/swagger-ui.html");

	private static final Pattern TABLE_ROW = Pattern.compile("^\\| ([0-9, ]+) \\| ([^|]+) \\|", Pattern.MULTILINE);

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlers;

	@Test
	void documentIsValidOpenApiWithEveryReferenceResolved() throws IOException {
		OpenAPI document = OpenApiContract.parse(written());

		assertThat(document.getOpenapi()).isEqualTo("3.0.3");
		assertThat(document.getPaths()).isNotEmpty();
	}

	@Test
	void aReferenceThatDoesNotResolveIsRefused() throws IOException {
		String broken = written().replaceFirst("#/components/schemas/Account", "#/components/schemas/Acount");

		assertThatIllegalArgumentException().isThrownBy(() -> OpenApiContract.parse(broken))
			.withMessageContaining("Acount");
	}

	@Test
	void documentIsServedAsWrittenWhateverTheHost() throws IOException {
		Response served = api().header("Host", "attacker.example").get("/v3/api-docs");

		served.then().statusCode(200).contentType("application/json").body("servers.url", equalTo(List.of("/")));
		assertThat(served.asString()).isEqualTo(written()).doesNotContain("attacker.example");
	}

	@Test
	void everyOperationOfTheServiceIsInTheDocumentAndNoOther() throws IOException {
		Set<String> served = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : this.handlers.getHandlerMethods().entrySet()) {
			if (!handler.getValue().getBeanType().getPackageName().startsWith("org.loginservice")) {
				continue;
			}
			for (String path : handler.getKey().getPatternValues()) {
				if (!NOT_API.contains(path)) {
					handler.getKey()
						.getMethodsCondition()
						.getMethods()
						.stream()
						.map((method) -> method + " " + path)
						.filter((operation) -> !REFUSED.contains(operation))
						.forEach(served::add);
				}
			}
		}
		Set<String> documented = new TreeSet<>();
		OpenApiContract.parse(written())
			.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.keySet()
				.forEach((method) -> documented.add(method + " " + path)));

		assertThat(served).hasSizeGreaterThanOrEqualTo(9);
		assertThat(documented).isEqualTo(served);
	}

	@Test
	void readmeErrorTableAndDocumentNameTheSameProblemTypes() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		String errors = readme.substring(readme.indexOf("### Errors"),
				readme.indexOf("\n## ", readme.indexOf("### Errors")));
		Set<String> tabled = new TreeSet<>();
		Matcher row = TABLE_ROW.matcher(errors);
		while (row.find()) {
			Matcher type = CODE.matcher(row.group(2));
			while (type.find()) {
				tabled.add(type.group(1));
			}
		}
		OpenAPI document = OpenApiContract.parse(written());
		Set<String> enumerated = new TreeSet<>(enumOf(document.getComponents().getSchemas().get("Problem"), "type"));
		Set<String> answered = new TreeSet<>();
		document.getComponents()
			.getResponses()
			.values()
			.stream()
			.filter((response) -> response.getContent() != null)
			.flatMap((response) -> response.getContent().values().stream())
			.forEach((media) -> answered.addAll(typesIn(media.getSchema())));

		assertThat(tabled).isNotEmpty().isEqualTo(enumerated);
		assertThat(answered).isEqualTo(enumerated);
	}

	@Test
	void swaggerUiHtmlRedirectsToItsPage() {
		api().redirects()
			.follow(false)
			.get("/swagger-ui.html")
			.then()
			.statusCode(302)
			.header("Location", "/swagger-ui/index.html");
	}

	@Test
	void swaggerUiLoadsTheServiceDocumentFromFilesOnly() {
		api().get("/swagger-ui/index.html")
			.then()
			.statusCode(200)
			.contentType("text/html")
			.header("Content-Security-Policy", startsWith("default-src 'self';"))
			.header("Content-Security-Policy", not(containsString("script-src")))
			.body(not(containsString("<script>")));
		api().get("/swagger-ui/swagger-initializer.js")
			.then()
			.statusCode(200)
			.body(containsString("url: \"/v3/api-docs\""))
			.body(not(containsString("petstore")));
		api().get("/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
		api().get("/swagger-ui/swagger-ui.css").then().statusCode(200);
	}

	private static String written() throws IOException {
		try (InputStream file = OpenApiTests.class.getResourceAsStream("/openapi.json")) {
			return new String(file.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * The {@code type} values a response's schema allows: any of a {@code oneOf}'s, those
	 * every part of an {@code allOf} allows.
	 */
	private static Set<String> typesIn(Schema<?> schema) {
		if (schema.getOneOf() != null) {
			Set<String> types = new TreeSet<>();
			schema.getOneOf().forEach((part) -> types.addAll(typesIn(part)));
			return types;
		}
		if (schema.getAllOf() != null) {
			Set<String> types = null;
			for (Schema<?> part : schema.getAllOf()) {
				Set<String> allowed = typesIn(part);
				if (!allowed.isEmpty()) {
					types = (types == null) ? new TreeSet<>(allowed) : types;
					types.retainAll(allowed);
				}
			}
			return (types != null) ? types : Set.of();
		}
		return enumOf(schema, "type");
	}

	private static Set<String> enumOf(Schema<?> schema, String property) {
		Set<String> values = new HashSet<>();
		if (schema.getProperties() != null && schema.getProperties().get(property) != null
				&& schema.getProperties().get(property).getEnum() != null) {
			schema.getProperties().get(property).getEnum().forEach((value) -> values.add(String.valueOf(value)));
		}
		return values;
	}

}
