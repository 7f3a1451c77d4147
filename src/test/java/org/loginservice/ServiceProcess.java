package org.loginservice;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;
import org.awaitility.core.ConditionTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as a real process, started from the test class path in a working
 * directory of the test's own, so that its default {@code ./data} lands there.
 */
public final class ServiceProcess {

	private final Path directory;

	private final Path log;

	private final String classPath;

	private ServiceProcess(Path directory, String classPath) {
		this.directory = directory;
		this.log = directory.resolve("service.log");
		this.classPath = classPath;
	}

	public static ServiceProcess in(Path directory) {
		return new ServiceProcess(directory, System.getProperty("java.class.path"));
	}

	/** The same, started from another class path than the test's own. */
	public ServiceProcess withClassPath(String classPath) {
		return new ServiceProcess(this.directory, classPath);
	}

	/**
	 * Runs the command line to its end and returns its exit status; output goes to the
	 * log.
	 */
	public int run(String... args) throws IOException, InterruptedException {
		Process process = start(args);
		try {
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("command still running; see %s", this.log).isTrue();
			return process.exitValue();
		}
		finally {
			process.destroyForcibly();
		}
	}

	/**
	 * Starts the web service on a free port, and its management server on another (not
	 * 9000, which parallel starts would share), and waits until it answers.
	 */
	public Server serve(String... args) throws IOException {
		int[] ports = freePorts();
		int port = ports[0];
		int managementPort = ports[1];
		List<String> all = new ArrayList<>(List.of("--server.port=" + port,
				"--management.server.port=" + managementPort, "--auth.password.bcrypt-cost=4"));
		if (Arrays.stream(args).noneMatch((arg) -> arg.startsWith("--auth.challenge.mode="))) {
			// Every client of these tests is on one address.
			all.add("--auth.challenge.mode=off");
		}
		all.addAll(List.of(args));
		// The log is shared by every process of this directory: only what this one
		// prints counts.
		int from = output().length();
		Server server = new Server(start(all.toArray(String[]::new)), port, managementPort);
		try {
			await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
				assertThat(server.process().isAlive()).as("service exited early:%n%s", output()).isTrue();
				if (!output().substring(from).contains("Started LoginServiceApplication")) {
					// In CI, a first request sent while start-up was finishing has
					// three times never got an answer, and start-up never finished:
					// ask only once this process says it has started.
					return false;
				}
				try {
					return RestAssured.given().port(port).get("/").statusCode() == 200;
				}
				catch (Exception ex) {
					return false;
				}
			});
			return server;
		}
		catch (ConditionTimeoutException ex) {
			// A service that never answered must not outlive the test, holding its port.
			server.process().destroyForcibly();
			throw new AssertionError("service did not answer within 180 s:%n%s".formatted(output()), ex);
		}
		catch (RuntimeException | Error ex) {
			server.process().destroyForcibly();
			throw ex;
		}
	}

	/** Everything the processes printed. */
	public String output() throws IOException {
		return Files.exists(this.log) ? Files.readString(this.log) : "";
	}

	private Process start(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				this.classPath, LoginServiceApplication.class.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
			.start();
	}

	/** Two free ports, held open together so that they differ. */
	private static int[] freePorts() throws IOException {
		try (ServerSocket one = new ServerSocket(0); ServerSocket two = new ServerSocket(0)) {
			return new int[] { one.getLocalPort(), two.getLocalPort() };
		}
	}

	/**
	 * A running service.
	 *
	 * @param process its process
	 * @param port its HTTP port
	 * @param managementPort the port of its health and metrics
	 */
	public record Server(Process process, int port, int managementPort) implements AutoCloseable {

		/** Kills the process with SIGKILL, as a crash would, and waits for it to go. */
		public void kill() throws InterruptedException {
			this.process.destroyForcibly().waitFor();
		}

		@Override
		public void close() throws InterruptedException {
			kill();
		}

	}

}
