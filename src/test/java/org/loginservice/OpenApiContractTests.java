package org.loginservice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link OpenApiContract} catches what it is there to catch: each test runs real requests
 * through it against a copy of the document with one thing made wrong.
 */
class OpenApiContractTests extends ApiTest {

	private static final String PASSWORD = "violet-Quartz-river-92";

	@Test
	void responseTheDocumentDoesNotDescribeFails() {
		RequestSpecification api = against((document) -> {
			ObjectNode content = (ObjectNode) document.at("/paths/~1/get/responses/200/content");
			content.set("application/json", content.remove("text/plain"));
		});

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> api.get("/"))
			.withMessageContaining("GET / (hello) answered 200")
			.withMessageContaining("validation.response.contentType.notAllowed");
	}

	@Test
	void acceptedRequestTheDocumentDoesNotAllowFails() {
		RequestSpecification api = against(
				(document) -> ((ObjectNode) document.at("/components/parameters/UsernameQuery")).put("required", true));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> api.contentType(ContentType.JSON)
				.body(Map.of("username", uniqueName("held"), "password", PASSWORD))
				.post("/register"))
			.withMessageContaining("POST /register (register) answered 201")
			.withMessageContaining("validation.request.parameter.query.missing");
	}

	@Test
	void refusedRequestIsHeldOnlyByItsResponse() {
		RequestSpecification api = against(
				(document) -> ((ObjectNode) document.at("/components/parameters/UsernameQuery")).put("required", true));

		assertThatCode(() -> api.contentType(ContentType.JSON)
			.body(Map.of("username", uniqueName("refused")))
			.post("/register")
			.then()
			.statusCode(400)).doesNotThrowAnyException();
	}

	@Test
	void operationTheDocumentDoesNotListMayOnlyAnswerMethodNotAllowed() {
		RequestSpecification api = against(
				(document) -> ((ObjectNode) document.at("/paths/~1register")).remove("post"));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> api.post("/register?username={u}&password={p}", uniqueName("unlisted"), PASSWORD))
			.withMessageContaining("POST /register (no such operation in the document) answered 201")
			.withMessageContaining("validation.response.status.unknown");
	}

	@Test
	void pathsAndMethodsTheDocumentDoesNotListAnswerItsNotFoundAndMethodNotAllowed() {
		assertThatCode(() -> {
			api().get("/nowhere").then().statusCode(404);
			api().delete("/register").then().statusCode(405);
			api().head("/register").then().statusCode(405);
			api().head("/login?username={u}&password={p}", uniqueName("head"), PASSWORD).then().statusCode(405);
		}).doesNotThrowAnyException();
	}

	@Test
	void responseWithoutAHeaderTheDocumentRequiresFails() {
		RequestSpecification api = against(
				(document) -> ((ObjectNode) document.at("/components/responses/MethodNotAllowed/headers"))
					.set("X-Never-Sent", document.at("/components/headers/Allow")));

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> api.delete("/register"))
			.withMessageContaining("DELETE /register (no such operation in the document) answered 405")
			.withMessageContaining("validation.response.header.missing");
	}

	private RequestSpecification against(Consumer<ObjectNode> change) {
		ObjectNode document = (ObjectNode) written();
		change.accept(document);
		return RestAssured.given()
			.port(port())
			.config(RestAssuredConfig.config()
				.encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8)))
			.filter(OpenApiContract.forDocument(JsonMapper.shared().writeValueAsString(document)));
	}

	private static JsonNode written() {
		try (InputStream file = OpenApiContractTests.class.getResourceAsStream("/openapi.json")) {
			return JsonMapper.shared().readTree(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
