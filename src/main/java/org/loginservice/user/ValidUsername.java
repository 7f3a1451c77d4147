package org.loginservice.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.dao.DataAccessException;

/**
 * A name acceptable for a new account, judged on its normalized form (see
 * {@link Username}). {@code null} is left to {@code @NotNull}.
 * <p>
 * A name whose only fault is to mix scripts, and that looks like a name with an account
 * ("soham" with a Cyrillic "ѕ" while "soham" is taken), is let through, for registration
 * to answer that it is taken: that is the more useful answer. Should the look-alike's
 * account go in between, the name can be stored; it still has a face of its own, which is
 * what the skeleton's unique index keeps.
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

		private final UserRepository users;

		Validator(UserRepository users) {
			this.users = users;
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			Username name = Username.of(value);
			Optional<String> problem = name.problem();
			if (problem.isEmpty() || (problem.get().equals(UsernameRules.MIXES_SCRIPTS) && lookAlikeTaken(name))) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem.get()).addConstraintViolation();
			return false;
		}

		/** Without the database's answer, the name is refused for what it is. */
		private boolean lookAlikeTaken(Username name) {
			try {
				return this.users.existsByCanonicalUsernameOrUsernameSkeleton(name.canonical(), name.skeleton());
			}
			catch (DataAccessException ex) {
				return false;
			}
		}

	}

}
