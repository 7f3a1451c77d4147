package org.loginservice;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.interaction.response.ResponseValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.ApiPathImpl;
import com.atlassian.oai.validator.model.NormalisedPathImpl;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.restassured.RestAssured;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Holds every exchange of the HTTP tests to the OpenAPI document that the service under
 * test publishes at {@code /v3/api-docs}: every response must be one the document
 * describes (status, headers, media type and body), and every request the service
 * accepted (2xx) one the document allows. A 4xx answers a request that was bad on
 * purpose, so only its response is checked. A path the document does not list must answer
 * its {@code NotFound} response, a method it does not list its {@code MethodNotAllowed}.
 * <p>
 * Outside the document, and so not checked: the operations endpoints, the demo page, the
 * document and Swagger UI themselves, and CORS preflights (answered by the framework for
 * every path).
 */
public final class OpenApiContract implements OrderedFilter {

	private static final List<String> OUTSIDE = List.of("/actuator", "/demo", "/swagger-ui", "/v3/api-docs");

	/**
	 * The validator's own default treats every object schema as closed, and so an
	 * {@code allOf} part that narrows a few properties as refusing all others: the
	 * document says itself where {@code additionalProperties} is false.
	 */
	private static final LevelResolver LEVELS = LevelResolver.create()
		.withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
		.build();

	/** One per application context: each has a port of its own. */
	private static final Map<Integer, OpenApiContract> byPort = new ConcurrentHashMap<>();

	private final OpenAPI document;

	private final OpenApiInteractionValidator validator;

	private final ApiOperationResolver operations;

	private final ResponseValidator responses;

	private OpenApiContract(OpenAPI document) {
		this.document = document;
		this.validator = OpenApiInteractionValidator.createFor(document).withLevelResolver(LEVELS).build();
		this.operations = new ApiOperationResolver(document, null, false);
		MessageResolver messages = new MessageResolver(LEVELS);
		this.responses = new ResponseValidator(new SchemaValidator(document, messages), messages, document, List.of());
	}

	/** The contract of the service on this port, read from it the first time. */
	static OpenApiContract of(int port) {
		return byPort.computeIfAbsent(port, (key) -> forDocument(
				RestAssured.given().port(key).get("/v3/api-docs").then().statusCode(200).extract().asString()));
	}

	/** The contract of any document: for the tests of this filter. */
	static OpenApiContract forDocument(String json) {
		return new OpenApiContract(parse(json));
	}

	/**
	 * The document as the validator reads it, every {@code $ref} resolved.
	 * @throws IllegalArgumentException if the parser reports anything at all: a reference
	 * that does not resolve, a field out of place, a document that is no OpenAPI
	 */
	public static OpenAPI parse(String json) {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setResolveFully(true);
		options.setResolveCombinators(false);
		SwaggerParseResult result = new OpenAPIParser().readContents(json, null, options);
		if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
			throw new IllegalArgumentException("The OpenAPI document is not valid: " + result.getMessages());
		}
		return result.getOpenAPI();
	}

	@Override
	public int getOrder() {
		// Last before the request leaves, so that it sees what every other filter added.
		return LOWEST_PRECEDENCE;
	}

	@Override
	public Response filter(FilterableRequestSpecification requestSpec, FilterableResponseSpecification responseSpec,
			FilterContext context) {
		Response response = context.next(requestSpec, responseSpec);
		Request request = request(requestSpec);
		if (outside(request)) {
			return response;
		}
		com.atlassian.oai.validator.model.Response answer = RestAssuredResponse.of(response);
		ApiOperationMatch match = this.operations.findApiOperation(request.getPath(), request.getMethod());
		ValidationReport report;
		String operation;
		if (!match.isPathFound()) {
			operation = request.getMethod() + " " + request.getPath() + " (no such path in the document)";
			report = this.responses.validateResponse(answer, fallback(request, "404", "NotFound"));
		}
		else if (!match.isOperationAllowed()) {
			operation = request.getMethod() + " " + request.getPath() + " (no such operation in the document)";
			report = this.responses.validateResponse(answer, fallback(request, "405", "MethodNotAllowed"));
		}
		else {
			operation = request.getMethod() + " " + match.getApiOperation().getApiPath().original() + " ("
					+ match.getApiOperation().getOperation().getOperationId() + ")";
			report = (answer.getStatus() / 100 == 2) ? this.validator.validate(request, answer)
					: this.validator.validateResponse(request.getPath(), request.getMethod(), answer);
		}
		if (report.hasErrors()) {
			throw new AssertionError(operation + " answered " + answer.getStatus()
					+ ((answer.getStatus() / 100 == 2) ? "; the request or the response" : "; the response")
					+ " diverges from the OpenAPI document:\n" + describe(report) + "\nResponse body: "
					+ response.asString());
		}
		return response;
	}

	private static boolean outside(Request request) {
		if (request.getMethod() == Request.Method.OPTIONS && request.getHeaderValue("Origin").isPresent()
				&& request.getHeaderValue("Access-Control-Request-Method").isPresent()) {
			return true;
		}
		return OUTSIDE.stream().anyMatch((prefix) -> request.getPath().startsWith(prefix));
	}

	/** The one response the document gives for requests outside its operations. */
	private ApiOperation fallback(Request request, String status, String name) {
		ApiResponse response = this.document.getComponents().getResponses().get(name);
		if (request.getMethod() == Request.Method.HEAD) {
			// The answer to a HEAD has the headers of the body it does not carry.
			response = new ApiResponse().description(response.getDescription()).headers(response.getHeaders());
		}
		Operation operation = new Operation().responses(new ApiResponses().addApiResponse(status, response));
		return new ApiOperation(new ApiPathImpl(request.getPath(), null),
				new NormalisedPathImpl(request.getPath(), null),
				PathItem.HttpMethod.valueOf(request.getMethod().name()), operation);
	}

	/** The request as it went out, from the full URI since tests put queries in paths. */
	private static Request request(FilterableRequestSpecification spec) {
		URI uri = URI.create(spec.getURI());
		SimpleRequest.Builder request = new SimpleRequest.Builder(spec.getMethod(), uri.getRawPath());
		spec.getHeaders().forEach((header) -> request.withHeader(header.getName(), header.getValue()));
		if (spec.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme bearer
				&& !spec.getHeaders().hasHeaderWithName("Authorization")) {
			request.withAuthorization("Bearer " + bearer.getAccessToken());
		}
		if (spec.getContentType() != null) {
			request.withContentType(spec.getContentType());
		}
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int equals = pair.indexOf('=');
				request.withQueryParam(decode((equals < 0) ? pair : pair.substring(0, equals)),
						(equals < 0) ? "" : decode(pair.substring(equals + 1)));
			}
		}
		Object body = spec.getBody();
		if (body instanceof String text) {
			request.withBody(text);
		}
		else if (body instanceof byte[] bytes) {
			request.withBody(bytes);
		}
		else if (!spec.getFormParams().isEmpty()) {
			request.withBody(spec.getFormParams()
				.entrySet()
				.stream()
				.map((field) -> encode(field.getKey()) + "=" + encode(String.valueOf(field.getValue())))
				.collect(Collectors.joining("&")));
		}
		return request.build();
	}

	private static String describe(ValidationReport report) {
		return report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.map((message) -> "  - " + message.getKey() + ": " + message.getMessage()
					+ message.getAdditionalInfo()
						.stream()
						.map((info) -> "\n      " + info)
						.collect(Collectors.joining())
					+ nested(message))
			.collect(Collectors.joining("\n"));
	}

	private static String nested(ValidationReport.Message message) {
		return message.getNestedMessages()
			.stream()
			.map((inner) -> "\n      " + inner.getKey() + ": " + inner.getMessage())
			.collect(Collectors.joining());
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
