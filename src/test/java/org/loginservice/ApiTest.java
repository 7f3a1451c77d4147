package org.loginservice;

import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that talk to the whole application over real HTTP, on a random port
 * and a real H2 file database of its own under {@code target/}. Tests share that
 * database, so each one registers names of its own ({@link #uniqueName}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "auth.password.bcrypt-cost=4",
		"spring.datasource.url=jdbc:h2:file:./target/test-db/${random.uuid};WRITE_DELAY=0" })
public abstract class ApiTest {

	private static final AtomicInteger names = new AtomicInteger();

	@LocalServerPort
	private int port;

	protected RequestSpecification api() {
		return RestAssured.given().port(this.port).urlEncodingEnabled(true);
	}

	protected int port() {
		return this.port;
	}

	/** A username no other test in this run registers. */
	protected static String uniqueName(String prefix) {
		return prefix + "-" + names.incrementAndGet();
	}

}
