package org.loginservice.web;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised before Spring MVC is reached (in a filter or inside Tomcat) with
 * the same problem details as {@link ProblemDetailsAdvice}, in place of Spring Boot's
 * error page.
 */
@RestController
class ErrorPageController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)
				? HttpStatus.resolve(code) : null;
		if (status == null) {
			status = HttpStatus.NOT_FOUND;
		}
		ProblemDetail problem = (status == HttpStatus.CONTENT_TOO_LARGE)
				? ProblemDetailsAdvice.problem(status, "body-too-large",
						"The request body is larger than " + RequestBodies.MAX_BYTES + " bytes")
				: ProblemDetail.forStatus(status);
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
			try {
				problem.setInstance(new URI(path));
			}
			catch (URISyntaxException ex) {
				// Tomcat let through a path that java.net.URI refuses: leave it out.
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
