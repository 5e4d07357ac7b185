package io.eventfold.command.conference;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.ToIntFunction;

/**
 * Free text no longer than its configured limit ({@link ConferenceLimits}), counted in UTF-16 units as
 * {@code @Size} counts. The validator is made by Spring, which hands it the limits.
 */
@Constraint(validatedBy = LimitedText.Validator.class)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@interface LimitedText {

    Kind value();

    String message() default "is too long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind {
        NAME(ConferenceLimits::nameLength),
        ROOM(ConferenceLimits::roomLength),
        EMAIL(ConferenceLimits::emailLength),
        BIO(ConferenceLimits::bioLength);

        private final ToIntFunction<ConferenceLimits> limit;

        Kind(ToIntFunction<ConferenceLimits> limit) {
            this.limit = limit;
        }
    }

    final class Validator implements ConstraintValidator<LimitedText, CharSequence> {

        private final ConferenceLimits limits;
        private int max;

        Validator(ConferenceLimits limits) {
            this.limits = limits;
        }

        @Override
        public void initialize(LimitedText annotation) {
            max = annotation.value().limit.applyAsInt(limits);
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null || value.length() <= max) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be at most " + max + " characters long")
                    .addConstraintViolation();
            return false;
        }
    }
}
