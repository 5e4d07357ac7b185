package io.eventfold.command.conference;

/** The caller's role does not allow this request whatever the conference holds; answered with 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
