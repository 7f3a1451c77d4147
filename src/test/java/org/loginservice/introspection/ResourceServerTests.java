package org.loginservice.introspection;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.loginservice.ServiceProcess;

import org.springframework.boot.Banner;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A real resource server, Spring Security's, takes the service's tokens through
 * {@code POST /introspect} as an application's own API server would: configured with
 * nothing but the {@code spring.security.oauth2.resourceserver.opaquetoken.*} properties
 * the README shows.
 * <p>
 * Spring Security on the class path would put every endpoint of the service behind a
 * login, so only this test's surefire execution has it ({@code resource-server-test} in
 * the pom): the resource server runs here, and the service in a process of its own,
 * started from this class path without Spring Security's jars but spring-security-crypto.
 */
@Tag("resource-server")
@EnabledIfSystemProperty(named = "test.resource-server", matches = "true",
		disabledReason = "runs in the surefire execution resource-server-test, whose class path alone has Spring Security")
class ResourceServerTests {

	/** As {@code openssl rand -base64 32} makes them, which Spring form-encodes. */
	private static final String SECRET = "q7+Jm/2x9kVbE4wYtR1nZ8cLpH3sD6fG0aUoIeWq5Ts=";

	private static final String PASSWORD = "violet-Quartz-river-92";

	/**
	 * Spring Security's jars, and Boot's that configure it; not spring-security-crypto.
	 */
	private static final Pattern SECURITY_JAR = Pattern
		.compile("(spring-security-(?!crypto-)|spring-boot-security|spring-boot-starter-security).*\\.jar");

	@TempDir
	static Path directory;

	private static ServiceProcess process;

	private static ServiceProcess.Server service;

	private static ConfigurableApplicationContext resourceServer;

	@BeforeAll
	static void start() throws IOException {
		String classPath = System.getProperty("java.class.path");
		String withoutSecurity = Arrays.stream(classPath.split(File.pathSeparator))
			.filter((entry) -> !SECURITY_JAR.matcher(Path.of(entry).getFileName().toString()).matches())
			.collect(Collectors.joining(File.pathSeparator));
		assertThat(classPath).contains("spring-security-web");
		assertThat(withoutSecurity).doesNotContain("spring-security-web").contains("spring-security-crypto");
		process = ServiceProcess.in(directory).withClassPath(withoutSecurity);
		service = process.serve("--auth.introspection.clients.orders=" + SECRET);
		resourceServer = new SpringApplicationBuilder(OrdersApi.class).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run("--server.port=0",
					// Not the service's application.properties, which is on this class
					// path
					// too.
					"--spring.config.name=orders-api",
					"--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
					"--spring.security.oauth2.resourceserver.opaquetoken.introspection-uri=http://127.0.0.1:"
							+ service.port() + "/introspect",
					"--spring.security.oauth2.resourceserver.opaquetoken.client-id=orders",
					"--spring.security.oauth2.resourceserver.opaquetoken.client-secret=" + SECRET);
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (resourceServer != null) {
			resourceServer.close();
		}
		if (service != null) {
			service.close();
		}
	}

	@Test
	void resourceServerTakesALiveTokenAndRefusesItAfterLogout() throws IOException {
		String name = "shopper-" + System.nanoTime();
		String token = login(name);

		orders().auth().oauth2(token).get("/orders").then().statusCode(200).body(equalTo(name));

		service().auth().oauth2(token).post("/logout").then().statusCode(204);

		orders().auth()
			.oauth2(token)
			.get("/orders")
			.then()
			.statusCode(401)
			.header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""));
		assertThat(process.output()).contains("introspect outcome=active client=orders username=" + name)
			.contains("introspect outcome=inactive client=orders")
			.doesNotContain("outcome=refused")
			.doesNotContain(token);
	}

	@Test
	void resourceServerRefusesATokenTheServiceNeverIssued() {
		orders().auth().oauth2("q0S6dcyO2k1Sg0ZbbpzKxJmGyC4H8nL9dCwO7UeE2sA").get("/orders").then().statusCode(401);
		orders().get("/orders").then().statusCode(401);
	}

	private static String login(String name) {
		service().contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", PASSWORD))
			.post("/register")
			.then()
			.statusCode(201);
		return service().contentType(ContentType.JSON)
			.body(Map.of("username", name, "password", PASSWORD))
			.post("/login")
			.then()
			.statusCode(200)
			.extract()
			.path("token");
	}

	private static RequestSpecification service() {
		return RestAssured.given().port(service.port());
	}

	private static RequestSpecification orders() {
		return RestAssured.given()
			.port(resourceServer.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	/**
	 * An application's own API: every request needs a bearer token the service vouches
	 * for. Neither a {@code @SpringBootConfiguration} nor a component, so that neither
	 * the service's {@code @SpringBootTest}s nor its component scan ever take it for
	 * theirs.
	 */
	@EnableAutoConfiguration
	static class OrdersApi {

		@Bean
		SecurityFilterChain api(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.oauth2ResourceServer((server) -> server.opaqueToken(Customizer.withDefaults()))
				.build();
		}

		/** The caller's name, as the resource server sees it. */
		@Bean
		RouterFunction<ServerResponse> orders() {
			return RouterFunctions.route()
				.GET("/orders",
						(request) -> ServerResponse.ok()
							.body(request.principal().map(Principal::getName).orElseThrow()))
				.build();
		}

	}

}
