package io.eventfold.command.conference;

/** An answer rested on a cached conference that the event store does not bear out; it has been dropped. */
public class StaleConferenceException extends RuntimeException {

    StaleConferenceException(String message) {
        super(message);
    }
}
