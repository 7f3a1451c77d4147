package org.loginservice.web;

import java.net.URI;

import org.webjars.WebJarVersionLocator;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's contract at {@code /v3/api-docs}: {@code openapi.json}, written by hand and
 * served as it is, so that nothing of a request (its {@code Host}, say) can change it;
 * the tests check every response they get against it. {@code /swagger-ui.html} shows it
 * in Swagger UI, from the swagger-ui webjar with an initializer of ours.
 */
@RestController
class ApiDocs implements WebMvcConfigurer {

	/**
	 * Read through this class's own loader: the thread that first loads the class may be
	 * one of Tomcat's, whose loader a stopped web server makes unusable.
	 */
	private static final Resource DOCUMENT = new ClassPathResource("openapi.json", ApiDocs.class.getClassLoader());

	private static final String WEBJAR = "swagger-ui";

	private static final URI SWAGGER_UI = URI.create("/swagger-ui/index.html");

	@GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
	Resource document() {
		return DOCUMENT;
	}

	/** A relative {@code Location}: Tomcat would make a redirect view's absolute. */
	@GetMapping("/swagger-ui.html")
	ResponseEntity<Void> swaggerUi() {
		return ResponseEntity.status(HttpStatus.FOUND).location(SWAGGER_UI).build();
	}

	/**
	 * Our {@code swagger-initializer.js} comes first and hides the webjar's, which would
	 * load the petstore example from the internet.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		String version = new WebJarVersionLocator().version(WEBJAR);
		if (version == null) {
			throw new IllegalStateException("The " + WEBJAR + " webjar is not on the class path");
		}
		registry.addResourceHandler("/swagger-ui/**")
			.addResourceLocations("classpath:/swagger-ui/",
					"classpath:/META-INF/resources/webjars/" + WEBJAR + "/" + version + "/");
	}

}
