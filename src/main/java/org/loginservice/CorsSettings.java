package org.loginservice;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser origins may call the API from their pages.
 *
 * @param allowedOrigins origins such as {@code https://app.example.com}; none by default,
 * so browsers let no other site's page read the API's answers
 */
@ConfigurationProperties("auth.cors")
public record CorsSettings(@DefaultValue List<String> allowedOrigins) {

}
