package org.loginservice.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.loginservice.password.Overloaded;
import org.loginservice.throttle.TooManyAttempts;
import org.loginservice.session.InvalidToken;
import org.loginservice.session.WrongPassword;
import org.loginservice.user.InvalidCredentials;
import org.loginservice.user.UsernameTaken;
import org.loginservice.user.WeakPassword;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem ({@code application/problem+json}), each
 * kind with a stable {@code type}. Spring MVC's own errors (404, 405, 415 and the like)
 * come through the base class; errors raised before Spring MVC is reached go to
 * {@link ErrorPageController}.
 * <p>
 * Exception messages are never logged or echoed when they may hold request input: the
 * tutorial sends passwords in the query string.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler
	ProblemDetail usernameTaken(UsernameTaken ex) {
		return problem(HttpStatus.CONFLICT, "username-taken", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidCredentials(InvalidCredentials ex) {
		return problem(HttpStatus.UNAUTHORIZED, "invalid-credentials", ex.getMessage());
	}

	/**
	 * One answer for every cause, so that a token's fate is not told to whoever holds it.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidToken(InvalidToken ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(problem(HttpStatus.UNAUTHORIZED, "invalid-token", ex.getMessage()));
	}

	@ExceptionHandler
	ProblemDetail wrongPassword(WrongPassword ex) {
		return problem(HttpStatus.FORBIDDEN, "wrong-password", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail weakPassword(WeakPassword ex) {
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "invalid-fields", ex.getMessage());
		body.setProperty("errors",
				ex.problems().stream().map((problem) -> Map.of("field", ex.field(), "detail", problem)).toList());
		return body;
	}

	/** The same answer whether the name exists or not: only the wait differs. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttempts ex) {
		long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> overloaded(Overloaded ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", ex.getMessage()));
	}

	/**
	 * The database does not answer: a passing state, not a bug, and the client may retry.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransientDataAccessException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
		log.warn("Database unavailable: {}", ex.getClass().getName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
					"The database is not answering; try again in a few seconds"));
	}

	@ExceptionHandler
	ProblemDetail bodyTooLarge(RequestBodyLimit.BodyTooLarge ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", ex.getMessage());
	}

	/** Tomcat could not decode the query string or form body (bad %-escapes or UTF-8). */
	@ExceptionHandler
	ProblemDetail undecodableParameters(InvalidParameterException ex) {
		if (ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
					"The form body is larger than " + RequestBodyLimit.MAX_BYTES + " bytes");
		}
		return problem(HttpStatus.BAD_REQUEST, "malformed-request",
				"The query string or form body could not be decoded: check its percent-encoding and UTF-8");
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected {} while answering a request", ex.getClass().getName(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Something went wrong on our side; nothing was saved");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "detail", String.valueOf(error.getDefaultMessage())))
			.toList();
		String detail = ex.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage())
			.collect(Collectors.joining("; "));
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "invalid-fields", detail);
		body.setProperty("errors", errors);
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getMostSpecificCause() instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
			return handleExceptionInternal(ex, bodyTooLarge(tooLarge), headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "malformed-request",
				"The body must be a JSON object whose fields are strings, in UTF-8");
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + type));
		return problem;
	}

}
