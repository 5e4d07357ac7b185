package io.eventfold.command.conference;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Ids travel in URLs: letters, digits and {@code . _ : -}, up to 100 characters (UUIDs fit). */
@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}", message = ValidId.MESSAGE)
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidId {

    String MESSAGE = "must be 1-100 letters, digits or . _ : - (a UUID is recommended)";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
