package io.eventfold.command.conference;

/** A command names a session, speaker or registration the conference does not have; answered with 404. */
public class UnknownEntityException extends RuntimeException {

    public UnknownEntityException(String message) {
        super(message);
    }
}
