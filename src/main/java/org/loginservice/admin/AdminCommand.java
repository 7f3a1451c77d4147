package org.loginservice.admin;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.loginservice.LoginServiceApplication;
import org.loginservice.reset.ResetCodes;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;

/**
 * {@code java -jar login-service.jar admin unlock|revoke-sessions|password-reset|delete NAME
 * [--property=value ...]}: the admin API's actions for an operator at the database's
 * machine, without the web server. Exit status 0 when done, 1 when there is no such
 * account or the database refused, 2 for a wrong command line.
 */
public final class AdminCommand {

	private static final Set<String> ACTIONS = Set.of("unlock", "revoke-sessions", "password-reset", "delete");

	private static final String USAGE = "Usage: java -jar login-service.jar admin unlock|revoke-sessions|password-reset|delete NAME [--property=value ...]";

	private AdminCommand() {
	}

	/** Whether the command line asks for an admin action rather than the service. */
	public static boolean isAdmin(String[] args) {
		List<String> words = words(args);
		return !words.isEmpty() && words.get(0).equals("admin");
	}

	/** Runs the action; returns the process exit status. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> words = words(args);
		if (words.size() != 3 || !ACTIONS.contains(words.get(1))) {
			err.println(USAGE);
			return 2;
		}
		String action = words.get(1);
		String name = words.get(2);
		String[] options = Arrays.stream(args).filter((arg) -> arg.startsWith("--")).toArray(String[]::new);
		// The build-time (AOT) bean definitions describe the web service; this context
		// has no web server, so it is always made the ordinary way.
		System.setProperty("spring.aot.enabled", "false");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoginServiceApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.properties("logging.level.root=warn", "logging.level.org.flywaydb=error",
					"logging.level.org.loginservice.admin=info")
			.run(options)) {
			AdminService admin = context.getBean(AdminService.class);
			switch (action) {
				case "unlock" -> admin.unlock(name);
				case "revoke-sessions" -> admin.revokeSessions(name);
				case "delete" -> admin.delete(name);
				default -> {
					ResetCodes.Issued issued = admin.passwordReset(name);
					out.println("resetCode=" + issued.resetCode() + " expiresAt=" + issued.expiresAt());
					return 0;
				}
			}
			out.println(action + " " + name + ": done");
			return 0;
		}
		catch (NoSuchUser ex) {
			err.println(ex.getMessage());
			return 1;
		}
		catch (DataAccessException ex) {
			err.println("The database refused: " + ex.getMostSpecificCause().getMessage());
			return 1;
		}
	}

	private static List<String> words(String[] args) {
		return Arrays.stream(args).filter((arg) -> !arg.startsWith("--")).toList();
	}

}
