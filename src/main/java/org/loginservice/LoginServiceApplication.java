package org.loginservice;

import java.net.URL;
import java.time.Clock;

import org.loginservice.admin.AdminCommand;
import org.loginservice.user.ImportCommand;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

/**
 * A small register/login service: users register with a username and password, log in
 * with them, and get back the data they stored.
 * <p>
 * {@code @SpringBootApplication} spelled out, to keep the management server's own
 * configuration (the admin API) out of the service's component scan: scanned, it would
 * serve on the public port too.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@ComponentScan.Filter(ManagementContextConfiguration.class) })
@ConfigurationPropertiesScan
@EnableScheduling
public class LoginServiceApplication {

	public static void main(String[] args) {
		if (ImportCommand.isImport(args)) {
			System.exit(ImportCommand.run(args, System.out, System.err));
		}
		if (AdminCommand.isAdmin(args)) {
			System.exit(AdminCommand.run(args, System.out, System.err));
		}
		useAheadOfTimeDefinitionsOfTheJar();
		SpringApplication.run(LoginServiceApplication.class, args);
	}

	/**
	 * A jar carries the bean definitions Spring AOT generated from the same classes when
	 * it was built: it uses them, unless {@code -Dspring.aot.enabled} says otherwise. Run
	 * from compiled classes ({@code ./mvnw spring-boot:run}, the tests, an IDE), any
	 * generated ones may be older than the code, so it does not.
	 */
	private static void useAheadOfTimeDefinitionsOfTheJar() {
		URL location = LoginServiceApplication.class.getProtectionDomain().getCodeSource().getLocation();
		boolean inJar = location.getProtocol().equals("jar") || location.getPath().endsWith(".jar");
		String initializer = LoginServiceApplication.class.getName() + "__ApplicationContextInitializer";
		if (inJar && System.getProperty("spring.aot.enabled") == null && ClassUtils.isPresent(initializer, null)) {
			System.setProperty("spring.aot.enabled", "true");
		}
	}

	/**
	 * The clock every time-dependent rule reads, so that tests can move time instead of
	 * sleeping.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The settings are bound and checked at start even with lazy initialization, so that
	 * a wrong value stops the service at once instead of failing its first request.
	 */
	@Bean
	static LazyInitializationExcludeFilter eagerSettings() {
		return (name, definition, type) -> type.isAnnotationPresent(ConfigurationProperties.class);
	}

}
