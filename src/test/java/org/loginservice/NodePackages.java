package org.loginservice;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The ALTCHA protocol's own code from npm, for the tests that hold the service to it:
 * {@code altcha-lib}, its server library, run in Node.js, and {@code altcha}, its widget,
 * for a browser. They are installed once per build under {@code target/npm} (never
 * committed), at the versions this service was written against. A test that needs them is
 * skipped where Node.js or npm is missing; a failed install fails it.
 */
public final class NodePackages {

	private static final List<String> PACKAGES = List.of("altcha-lib@2.8.0", "altcha@3.2.2");

	private static final Path PREFIX = Path.of("target", "npm");

	/** Written once an install has finished, naming what it installed. */
	private static final Path INSTALLED = PREFIX.resolve("installed");

	private static final long TIMEOUT_SECONDS = 120;

	private NodePackages() {
	}

	/** The {@code node_modules} folder, with the packages installed. */
	public static synchronized Path modules() {
		Path npm = executable("npm");
		try {
			String wanted = String.join(" ", PACKAGES);
			if (Files.isRegularFile(INSTALLED) && Files.readString(INSTALLED).equals(wanted)) {
				return PREFIX.resolve("node_modules");
			}
			List<String> command = new ArrayList<>(List.of(npm.toString(), "install", "--no-save", "--no-audit",
					"--no-fund", "--no-update-notifier", "--prefix", PREFIX.toString()));
			command.addAll(PACKAGES);
			run(command, null);
			Files.writeString(INSTALLED, wanted);
			return PREFIX.resolve("node_modules");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs a Node.js ES module of the test class path, from beside the installed packages
	 * so that its imports resolve.
	 * @param script the resource's path, such as {@code /npm/altcha-lib.mjs}
	 * @return what it printed on its standard output
	 */
	public static String run(String script, String... arguments) {
		Path node = executable("node");
		modules();
		Path copy = PREFIX.resolve(Path.of(script).getFileName());
		try (InputStream source = NodePackages.class.getResourceAsStream(script)) {
			if (source == null) {
				throw new IllegalArgumentException("No script " + script + " on the test class path");
			}
			Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> command = new ArrayList<>(List.of(node.toString(), copy.getFileName().toString()));
		command.addAll(List.of(arguments));
		return run(command, PREFIX);
	}

	/** Its standard output; a failure, with all it printed, fails the test. */
	private static String run(List<String> command, Path directory) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command);
			if (directory != null) {
				builder.directory(directory.toFile());
			}
			Process process = builder.start();
			process.getOutputStream().close();
			CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
			CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("%s %s ran for more than %d s%n%s%s", command.get(0), command.get(1), TIMEOUT_SECONDS,
						output.join(), errors.join());
			}
			if (process.exitValue() != 0) {
				fail("%s %s exited with %d:%n%s%s", command.get(0), command.get(1), process.exitValue(), output.join(),
						errors.join());
			}
			return output.join();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String read(InputStream stream) {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The program from the {@code PATH}, or the test is skipped. */
	private static Path executable(String name) {
		Path found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter((folder) -> !folder.isEmpty())
			.map((folder) -> Path.of(folder, name))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		assumeTrue(found != null,
				"Node.js is not installed (no " + name + " on the PATH); on Debian: apt-get install nodejs npm");
		return found;
	}

}
