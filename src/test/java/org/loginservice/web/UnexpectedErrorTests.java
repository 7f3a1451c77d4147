package org.loginservice.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorTests {

	@Test
	void unexpectedExceptionIsLoggedByTypeAndReferenceNeverByMessage(CapturedOutput output) {
		Exception ex = new IllegalStateException("value too long: password=hunter2-secret",
				new IllegalArgumentException("user soham-secret"));

		ProblemDetail body = new ProblemDetailsAdvice().unexpected(ex);

		assertThat(body.getStatus()).isEqualTo(500);
		assertThat(body.getType()).hasToString("/problems/internal-error");
		String reference = (String) body.getProperties().get("reference");
		assertThat(reference).isNotBlank();
		assertThat(output.getAll()).contains("reference " + reference)
			.contains(IllegalStateException.class.getName())
			.contains("caused by " + IllegalArgumentException.class.getName())
			.contains("at org.loginservice.web.UnexpectedErrorTests")
			.doesNotContain("secret");
	}

}
