package org.loginservice.web;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Health and metrics answer on the management port, and nothing of them on the public
 * one.
 */
class ActuatorTests extends ApiTest {

	@LocalManagementPort
	private int managementPort;

	@Test
	void healthAndProbesAnswerWithoutDetails() {
		management().get("/actuator/health")
			.then()
			.statusCode(200)
			.body("status", equalTo("UP"))
			.body(not(containsString("components")))
			.body(not(containsString("details")));
		management().get("/actuator/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
		management().get("/actuator/health/readiness").then().statusCode(200).body("status", equalTo("UP"));
	}

	@Test
	void theAdminApiIsOffWhileNoAdminTokenIsSet() {
		for (String path : new String[] { "/admin/users", "/admin/users/ada" }) {
			management().auth().oauth2("any token at all, as long as you like").get(path).then().statusCode(404);
			management().get(path).then().statusCode(404);
		}
		management().auth().oauth2("x").post("/admin/users/ada/unlock").then().statusCode(404);
	}

	@Test
	void prometheusCountsLoginsAndRegistrationsByOutcomeAndTimesHashing() {
		// Every counter is registered at 0 when its bean is made, so only a change in
		// value shows that an event was counted.
		String before = scrape();
		String name = uniqueName("metered");
		api().post("/register?username={u}&password={p}", name, "violet-Quartz-river-92").then().statusCode(201);
		api().post("/register?username={u}&password={p}", name, "violet-Quartz-river-92").then().statusCode(409);
		login(name, "violet-Quartz-river-92").then().statusCode(200);
		login(name, "wrong password").then().statusCode(401);
		login(uniqueName("nobody"), "wrong password").then().statusCode(401);
		String after = scrape();

		assertThat(increase(before, after, "auth_logins_total{outcome=\"success\"}")).isEqualTo(1);
		assertThat(increase(before, after, "auth_logins_total{outcome=\"failure\"}")).isEqualTo(2);
		assertThat(increase(before, after, "auth_logins_total{outcome=\"throttled\"}")).isZero();
		assertThat(increase(before, after, "auth_logins_total{outcome=\"shed\"}")).isZero();
		assertThat(increase(before, after, "auth_registrations_total{outcome=\"created\"}")).isEqualTo(1);
		assertThat(increase(before, after, "auth_registrations_total{outcome=\"taken\"}")).isEqualTo(1);
		// A taken name is refused before its hash: one registration and three logins.
		assertThat(increase(before, after, "auth_password_hashing_seconds_count")).isEqualTo(4);
	}

	@Test
	void nothingElseOfTheActuatorIsExposed() {
		for (String endpoint : new String[] { "env", "beans", "configprops", "heapdump", "loggers", "metrics",
				"mappings", "threaddump" }) {
			management().get("/actuator/" + endpoint).then().statusCode(404);
		}
	}

	@Test
	void actuatorRootListsNoLinks() {
		management().header("Host", "evil.example")
			.get("/actuator")
			.then()
			.statusCode(404)
			.body(not(containsString("evil.example")));
	}

	@Test
	void nothingOfTheActuatorIsOnThePublicPort() {
		for (String path : new String[] { "/actuator", "/actuator/health", "/actuator/health/readiness",
				"/actuator/prometheus" }) {
			api().get(path).then().statusCode(404).contentType("application/problem+json");
		}
	}

	private RequestSpecification management() {
		return RestAssured.given().port(this.managementPort);
	}

	private Response login(String name, String password) {
		return api().contentType(ContentType.JSON).body(Map.of("username", name, "password", password)).post("/login");
	}

	private String scrape() {
		return management().get("/actuator/prometheus").then().statusCode(200).extract().asString();
	}

	/**
	 * How much the sample of that name and labels grew between two scrapes. Beans are
	 * made lazily, so before the first login of a context its counters are not there yet:
	 * absent before counts as 0.
	 */
	private static double increase(String before, String after, String sample) {
		return value(after, sample).orElseThrow(() -> new AssertionError("no sample " + sample + " in the scrape"))
				- value(before, sample).orElse(0);
	}

	private static OptionalDouble value(String scrape, String sample) {
		Matcher line = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
		return line.find() ? OptionalDouble.of(Double.parseDouble(line.group(1))) : OptionalDouble.empty();
	}

}
