package org.loginservice.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.loginservice.account.WrongPassword;
import org.loginservice.challenge.ChallengeRequired;
import org.loginservice.introspection.InvalidClient;
import org.loginservice.login.InvalidCode;
import org.loginservice.login.InvalidMfaToken;
import org.loginservice.passkey.InvalidPasskey;
import org.loginservice.passkey.NoSuchPasskey;
import org.loginservice.passkey.PasskeyRefused;
import org.loginservice.password.Overloaded;
import org.loginservice.reset.InvalidResetCode;
import org.loginservice.session.InvalidToken;
import org.loginservice.throttle.TooManyAttempts;
import org.loginservice.totp.NoTotp;
import org.loginservice.totp.TotpEnabled;
import org.loginservice.totp.WrongCode;
import org.loginservice.user.InvalidCredentials;
import org.loginservice.user.UsernameTaken;
import org.loginservice.user.WeakPassword;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
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

	/**
	 * RFC 7662 §2.1: a resource server is told how to authenticate, not why it failed.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidClient(InvalidClient ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"introspection\"")
			.body(problem(HttpStatus.UNAUTHORIZED, "invalid-client", ex.getMessage()));
	}

	@ExceptionHandler
	ProblemDetail wrongPassword(WrongPassword ex) {
		return problem(HttpStatus.FORBIDDEN, "wrong-password", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidCode(InvalidCode ex) {
		return problem(HttpStatus.UNAUTHORIZED, "invalid-code", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidMfaToken(InvalidMfaToken ex) {
		return problem(HttpStatus.UNAUTHORIZED, "invalid-mfa-token", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail wrongCode(WrongCode ex) {
		return problem(HttpStatus.FORBIDDEN, "wrong-code", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail totpEnabled(TotpEnabled ex) {
		return problem(HttpStatus.CONFLICT, "totp-enabled", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail noTotp(NoTotp ex) {
		return problem(HttpStatus.CONFLICT, "no-totp", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail passkeyRefused(PasskeyRefused ex) {
		return problem(HttpStatus.BAD_REQUEST, "passkey-refused", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidPasskey(InvalidPasskey ex) {
		return problem(HttpStatus.UNAUTHORIZED, "invalid-passkey", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidResetCode(InvalidResetCode ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-reset-code", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail noSuchPasskey(NoSuchPasskey ex) {
		return problem(HttpStatus.NOT_FOUND, "no-such-passkey", ex.getMessage());
	}

	/**
	 * Where to get a challenge and why the one sent, if any, was not taken; the client
	 * solves it and sends the same request again with the solution.
	 */
	@ExceptionHandler
	ProblemDetail challengeRequired(ChallengeRequired ex) {
		ProblemDetail body = problem(HttpStatus.FORBIDDEN, "challenge-required", ex.getMessage());
		body.setProperty("challenge", ex.challengeUrl());
		body.setProperty("reason", ex.refusal().reason());
		return body;
	}

	@ExceptionHandler
	ProblemDetail weakPassword(WeakPassword ex) {
		return invalidFields(ex.problems().stream().map((problem) -> new FieldError(ex.field(), problem)));
	}

	@ExceptionHandler
	ProblemDetail ambiguousField(RequestFields.AmbiguousField ex) {
		return invalidFields(Stream.of(new FieldError(ex.field(), ex.getMessage())));
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
	ProblemDetail bodyTooLarge(RequestBodies.BodyTooLarge ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notUtf8(RequestBodies.NotUtf8 ex) {
		return problem(HttpStatus.BAD_REQUEST, "malformed-request", ex.getMessage());
	}

	/** Tomcat could not decode the query string or form body (bad %-escapes or UTF-8). */
	@ExceptionHandler
	ProblemDetail undecodableParameters(InvalidParameterException ex) {
		if (ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
					"The form body is larger than " + RequestBodies.MAX_BYTES + " bytes");
		}
		return problem(HttpStatus.BAD_REQUEST, "malformed-request",
				"The query string or form body could not be decoded: check its percent-encoding and UTF-8");
	}

	/**
	 * Logged by type and where it was thrown, never by message (which may quote request
	 * input), under a reference that the answer carries, so that a report can be matched
	 * to its log line.
	 */
	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		String reference = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		log.error("Unexpected exception while answering a request, reference {}: {}", reference, trace(ex));
		ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Something went wrong on our side; nothing was saved. Reference: " + reference);
		body.setProperty("reference", reference);
		return body;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = invalidFields(ex.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(), String.valueOf(error.getDefaultMessage()))));
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	/** A query parameter that breaks its constraint, named as the client sends it. */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = invalidFields(ex.getParameterValidationResults().stream().flatMap((result) -> {
			RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
			String field = (param != null && !param.name().isEmpty()) ? param.name()
					: String.valueOf(result.getMethodParameter().getParameterName());
			return result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldError(field, String.valueOf(error.getDefaultMessage())));
		}));
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getMostSpecificCause() instanceof RequestBodies.BodyTooLarge tooLarge) {
			return handleExceptionInternal(ex, bodyTooLarge(tooLarge), headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		if (ex.getMostSpecificCause() instanceof UnrecognizedPropertyException unknown) {
			return handleExceptionInternal(ex, unknownField(unknown), headers, status, request);
		}
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "malformed-request",
				"The body must be a JSON object whose fields are strings, each key once, in UTF-8");
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	/** An answer that could not be written is a bug here: logged under a reference. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotWritable(HttpMessageNotWritableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, unexpected(ex), headers, status, request);
	}

	/**
	 * A key the request does not have, named in the answer when it is short (the parser
	 * has refused any with an unpaired surrogate): {@code "Password"} beside
	 * {@code "password"} is a typo here, and another password to a proxy that reads keys
	 * without regard to case.
	 */
	private static ProblemDetail unknownField(UnrecognizedPropertyException ex) {
		String key = ex.getPropertyName();
		String field = (key != null && key.length() <= 64) ? key : "(unknown)";
		String known = ex.getKnownPropertyIds()
			.stream()
			.map(String::valueOf)
			.sorted()
			.collect(Collectors.joining(", "));
		return invalidFields(
				Stream.of(new FieldError(field, "is not a field of this request; its fields are " + known)));
	}

	/**
	 * A 400 listing each field's problems in {@code errors}, sorted by field and then by
	 * detail, so that the same request always gets the same answer.
	 */
	private static ProblemDetail invalidFields(Stream<FieldError> errors) {
		List<FieldError> sorted = errors.sorted().toList();
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "invalid-fields",
				sorted.stream().map((error) -> error.field() + " " + error.detail()).collect(Collectors.joining("; ")));
		body.setProperty("errors", sorted);
		return body;
	}

	/** The exception's types and frames, without any message. */
	private static String trace(Throwable ex) {
		StringBuilder trace = new StringBuilder();
		for (Throwable cause = ex; cause != null && trace.length() < 8000; cause = cause.getCause()) {
			trace.append((cause == ex) ? "" : "\ncaused by ").append(cause.getClass().getName());
			Arrays.stream(cause.getStackTrace()).limit(12).forEach((frame) -> trace.append("\n\tat ").append(frame));
		}
		return trace.toString();
	}

	static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + type));
		return problem;
	}

	/**
	 * One problem with one field of a request.
	 *
	 * @param field the field's name
	 * @param detail what is wrong with it, in words for a person
	 */
	record FieldError(String field, String detail) implements Comparable<FieldError> {

		private static final Comparator<FieldError> ORDER = Comparator.comparing(FieldError::field)
			.thenComparing(FieldError::detail);

		@Override
		public int compareTo(FieldError other) {
			return ORDER.compare(this, other);
		}

	}

}
