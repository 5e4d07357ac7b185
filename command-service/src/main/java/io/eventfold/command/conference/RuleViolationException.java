package io.eventfold.command.conference;

/** A command that breaks a rule of the conference; answered with 409 and nothing stored. */
public class RuleViolationException extends RuntimeException {

    public RuleViolationException(String message) {
        super(message);
    }
}
