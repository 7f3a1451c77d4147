package org.loginservice.web;

import java.util.Map;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

class ActuatorTests extends ApiTest {

	@Test
	void healthAndProbesAnswerWithoutDetails() {
		api().get("/actuator/health")
			.then()
			.statusCode(200)
			.body("status", equalTo("UP"))
			.body(not(containsString("components")))
			.body(not(containsString("details")));
		api().get("/actuator/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
		api().get("/actuator/health/readiness").then().statusCode(200).body("status", equalTo("UP"));
	}

	@Test
	void prometheusCountsLoginsAndRegistrationsByOutcomeAndTimesHashing() {
		String name = uniqueName("metered");
		api().post("/register?username={u}&password={p}", name, "violet-Quartz-river-92").then().statusCode(201);
		login(name, "violet-Quartz-river-92");
		login(name, "wrong password");

		api().get("/actuator/prometheus")
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
			api().get("/actuator/" + endpoint).then().statusCode(404);
		}
	}

	private void login(String name, String password) {
		api().contentType(ContentType.JSON).body(Map.of("username", name, "password", password)).post("/login");
	}

}
