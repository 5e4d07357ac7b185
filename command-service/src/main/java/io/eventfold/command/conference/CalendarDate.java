package io.eventfold.command.conference;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A date or instant within 0001-01-01..9999-12-31 (UTC). Jackson reads years like +5874898, which PostgreSQL's
 * date and other consumers' ISO parsers refuse, and which no conference has.
 */
@Constraint(validatedBy = {CalendarDate.ForDate.class, CalendarDate.ForInstant.class})
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@interface CalendarDate {

    LocalDate FIRST = LocalDate.of(1, 1, 1);
    LocalDate LAST = LocalDate.of(9999, 12, 31);

    String message() default "must be within 0001-01-01 and 9999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class ForDate implements ConstraintValidator<CalendarDate, LocalDate> {

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(FIRST) && !value.isAfter(LAST);
        }
    }

    final class ForInstant implements ConstraintValidator<CalendarDate, Instant> {

        private static final Instant START = FIRST.atStartOfDay().toInstant(ZoneOffset.UTC);
        private static final Instant END = LAST.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(START) && value.isBefore(END);
        }
    }
}
