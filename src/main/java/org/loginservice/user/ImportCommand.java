package org.loginservice.user;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.loginservice.LoginServiceApplication;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;

/**
 * {@code java -jar login-service.jar import FILE.json [--property=value ...]}: imports
 * the tutorial app's users and exits, without starting the web server. The file is read
 * and checked whole before the database is touched.
 */
public final class ImportCommand {

	private ImportCommand() {
	}

	/** Whether the command line asks for an import rather than the service. */
	public static boolean isImport(String[] args) {
		List<String> words = words(args);
		return !words.isEmpty() && words.get(0).equals("import");
	}

	/** Runs the import; returns the process exit status. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> words = words(args);
		if (words.size() != 2) {
			err.println("Usage: java -jar login-service.jar import FILE.json [--property=value ...]");
			return 2;
		}
		Path file = Path.of(words.get(1));
		TutorialFile users;
		try {
			users = TutorialFile.read(file);
		}
		catch (TutorialFile.Malformed ex) {
			err.println("Nothing imported: " + file + " " + ex.getMessage());
			return 2;
		}
		String[] options = Arrays.stream(args).filter((arg) -> arg.startsWith("--")).toArray(String[]::new);
		// The build-time (AOT) bean definitions describe the web service; this context
		// has
		// no web server, so it is always made the ordinary way.
		System.setProperty("spring.aot.enabled", "false");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoginServiceApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.properties("logging.level.root=warn", "logging.level.org.flywaydb=error")
			.run(options)) {
			out.println(context.getBean(TutorialImport.class).importAll(users));
			return 0;
		}
		catch (DataAccessException ex) {
			err.println("Nothing imported: the database refused the import (" + ex.getMostSpecificCause().getMessage()
					+ "); failed " + users.entries().size());
			return 1;
		}
	}

	private static List<String> words(String[] args) {
		return Arrays.stream(args).filter((arg) -> !arg.startsWith("--")).toList();
	}

}
