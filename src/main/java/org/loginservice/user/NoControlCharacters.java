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
 * A password with no C0 control character (U+0000 to U+001F). C implementations of BCrypt
 * end the password at its first NUL, so a hash of one with a NUL could never be checked
 * anywhere else, and the other controls are what a paste or a terminal adds without the
 * user seeing it. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

	String message() default "must not contain control characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<NoControlCharacters, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.chars().noneMatch((c) -> c < 0x20);
		}

	}

}
