package org.loginservice.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Replaces Tomcat's HTML error page with a problem+json body and the
 * {@link SecurityHeaders}, for the errors Tomcat answers itself before any filter or
 * servlet runs (a broken percent-escape in the path, an over-long request line or header,
 * for some).
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

		/**
		 * What Tomcat's parser throws, as a 400, when the request line and headers do not
		 * fit its buffer ({@code server.max-http-request-header-size}); its own text, in
		 * the same locale, is the only mark it leaves.
		 */
		private static final String TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
			.getString("iib.requestheadertoolarge.error");

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			int status = status(request, response, throwable);
			HttpStatus known = HttpStatus.resolve(status);
			Map<String, Object> problem = Map.of("type", "about:blank", "title",
					(known != null) ? known.getReasonPhrase() : "Error", "status", status);
			try {
				response.setStatus(status);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				SecurityHeaders.set(response, false);
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

		/**
		 * Tomcat answers a request line or header past its buffer with a bare 400: say
		 * which it was. The request line was read whole if its target was.
		 */
		private static int status(Request request, Response response, Throwable throwable) {
			if (response.getStatus() != 400 || !(throwable instanceof IllegalArgumentException)
					|| !TOO_LARGE.equals(throwable.getMessage())) {
				return response.getStatus();
			}
			return request.getCoyoteRequest().requestURI().isNull() ? HttpStatus.URI_TOO_LONG.value()
					: HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value();
		}

	}

}
