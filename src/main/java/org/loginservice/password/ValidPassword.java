package org.loginservice.password;

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
 * A password acceptable for a new account: 8 to 256 characters (Unicode code points,
 * after NFKC normalization). {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = ValidPassword.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPassword {

	/** Fewest characters of a new password. */
	int MIN_LENGTH = 8;

	/** Most characters of any password; longer ones are refused, never truncated. */
	int MAX_LENGTH = 256;

	String message() default "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ValidPassword, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			String password = PasswordHasher.normalize(value);
			int length = password.codePointCount(0, password.length());
			return length >= MIN_LENGTH && length <= MAX_LENGTH;
		}

	}

}
