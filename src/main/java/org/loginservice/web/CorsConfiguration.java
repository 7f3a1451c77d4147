package org.loginservice.web;

import org.loginservice.CorsSettings;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets pages from the configured origins call the API with {@code fetch()}. Tokens travel
 * in the {@code Authorization} header, never in cookies, so no credentials mode is
 * needed.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration implements WebMvcConfigurer {

	private final CorsSettings settings;

	CorsConfiguration(CorsSettings settings) {
		this.settings = settings;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		if (this.settings.allowedOrigins().isEmpty()) {
			return;
		}
		registry.addMapping("/**")
			.allowedOrigins(this.settings.allowedOrigins().toArray(String[]::new))
			.allowedMethods("GET", "POST", "PATCH", "DELETE")
			.allowedHeaders("Authorization", "Content-Type")
			.exposedHeaders("Location", "Retry-After", "WWW-Authenticate")
			.maxAge(3600);
	}

}
