package org.loginservice.admin;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The admin API, in the management server's own context (its own port), never in the
 * service's: this class is listed in
 * {@code META-INF/spring/org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration.imports}
 * and kept out of the service's component scan.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class AdminConfiguration {

	@Bean
	RouterFunction<ServerResponse> adminApi(AdminService admin, AdminSettings settings) {
		return new AdminRoutes(admin, settings).routes();
	}

}
