package org.loginservice.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The collections in {@code http/} cover every operation of the OpenAPI spec. */
class HttpCollectionsTests extends ApiTest {

	private static final Pattern HTTP_FILE_REQUEST = Pattern
		.compile("^(GET|POST|PUT|PATCH|DELETE) \\{\\{base_url}}([^?\\s]*)", Pattern.MULTILINE);

	@Test
	void requestsHttpCoversTheSpec() throws IOException {
		Set<String> covered = new HashSet<>();
		Matcher request = HTTP_FILE_REQUEST.matcher(Files.readString(Path.of("http/requests.http")));
		while (request.find()) {
			covered.add(request.group(1) + " " + template(request.group(2)));
		}

		assertThat(covered).containsAll(specOperations());
	}

	@Test
	void insomniaExportCoversTheSpecAndHoldsTheBaseUrlAndToken() throws IOException {
		JsonPath export = JsonPath.from(Files.readString(Path.of("http/insomnia.json")));
		Set<String> covered = new HashSet<>();
		List<Map<String, Object>> resources = export.getList("resources");
		for (Map<String, Object> resource : resources) {
			if ("request".equals(resource.get("_type"))) {
				String path = ((String) resource.get("url")).replace("{{ _.base_url }}", "").replaceAll("\\?.*", "");
				covered.add(resource.get("method") + " " + template(path));
			}
		}

		assertThat(export.getInt("__export_format")).isEqualTo(4);
		assertThat(export.getMap("resources.find { it._type == 'environment' }.data")).containsKeys("base_url",
				"token");
		assertThat(covered).containsAll(specOperations());
	}

	/**
	 * The path with each parameter as {@code {}}: {@code {id}} in the spec,
	 * {@code {{passkey_id}}} or {@code {{ _.passkey_id }}} in the collections.
	 */
	private static String template(String path) {
		return path.replaceAll("\\{\\{[^}]*}}|\\{[^}]*}", "{}");
	}

	private Set<String> specOperations() {
		Map<String, Map<String, Object>> paths = api().get("/v3/api-docs")
			.then()
			.statusCode(200)
			.extract()
			.path("paths");
		Set<String> operations = new HashSet<>();
		paths.forEach((path, methods) -> methods.keySet()
			.forEach((method) -> operations.add(method.toUpperCase() + " " + template(path))));
		assertThat(operations).isNotEmpty();
		return operations;
	}

}
