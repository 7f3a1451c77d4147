package org.loginservice.web;

import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import org.springframework.boot.test.web.server.LocalManagementPort;

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
	void prometheusCountsLoginsAndRegistrationsByOutcomeAndTimesHashing() {
		String name = uniqueName("metered");
		api().post("/register?username={u}&password={p}", name, "violet-Quartz-river-92").then().statusCode(201);
		login(name, "violet-Quartz-river-92");
		login(name, "wrong password");

		management().get("/actuator/prometheus")
			.then()
			.statusCode(200)
			.body(containsString("auth_logins_total{outcome=\"success\"}"))
			.body(containsString("auth_logins_total{outcome=\"failure\"}"))
			.body(containsString("auth_registrations_total{outcome=\"created\"}"))
			.body(containsString("auth_password_hashing_seconds_count"));
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

	private void login(String name, String password) {
		api().contentType(ContentType.JSON).body(Map.of("username", name, "password", password)).post("/login");
	}

}
