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

/**
 * A name acceptable for a new account, judged on its normalized form (see
 * {@link Username}). {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = ValidUsername.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface ValidUsername {

	String message() default "is not a valid username";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ValidUsername, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			return Username.of(value).problem().map((problem) -> {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
				return false;
			}).orElse(true);
		}

	}

}
