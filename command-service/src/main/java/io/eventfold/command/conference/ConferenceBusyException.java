package io.eventfold.command.conference;

/** A conference too busy to take the command now; nothing was stored, and the same command may be retried. */
public class ConferenceBusyException extends RuntimeException {

    ConferenceBusyException(String message) {
        super(message);
    }
}
