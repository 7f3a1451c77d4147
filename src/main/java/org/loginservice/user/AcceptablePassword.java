package org.loginservice.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.loginservice.password.PasswordPolicy;

/**
 * A registration whose password passes the {@link PasswordPolicy}, which needs the
 * username too. Each reason is reported on the {@code password} field, beside whatever
 * else is wrong with the request.
 */
@Documented
@Constraint(validatedBy = AcceptablePassword.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface AcceptablePassword {

	String message() default "is not an acceptable password";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<AcceptablePassword, RegisterRequest> {

		private final PasswordPolicy policy;

		Validator(PasswordPolicy policy) {
			this.policy = policy;
		}

		@Override
		public boolean isValid(RegisterRequest request, ConstraintValidatorContext context) {
			if (request.password() == null) {
				return true;
			}
			var problems = this.policy.problems(request.password(),
					(request.username() != null) ? request.username() : "");
			context.disableDefaultConstraintViolation();
			problems.forEach((problem) -> context.buildConstraintViolationWithTemplate(problem)
				.addPropertyNode("password")
				.addConstraintViolation());
			return problems.isEmpty();
		}

	}

}
