package org.loginservice.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Replaces Tomcat's HTML error page with a problem+json body, for the errors Tomcat
 * answers itself before any filter or servlet runs (a broken percent-escape in the path,
 * for one).
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		// Added after Spring Boot's own valve, so it sits closer to the request and
		// reports first.
		factory.addContextCustomizers((context) -> context.getParent().getPipeline().addValve(new ProblemValve()));
	}

	static final class ProblemValve extends ErrorReportValve {

		private static final JsonMapper json = JsonMapper.shared();

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			HttpStatus known = HttpStatus.resolve(status);
			Map<String, Object> problem = Map.of("type", "about:blank", "title",
					(known != null) ? known.getReasonPhrase() : "Error", "status", status);
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setHeader("Cache-Control", "no-store");
				response.setHeader("X-Content-Type-Options", "nosniff");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(json.writeValueAsString(problem));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone or the response is already committed.
			}
		}

	}

}
