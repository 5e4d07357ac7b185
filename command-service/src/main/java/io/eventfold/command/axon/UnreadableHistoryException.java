package io.eventfold.command.axon;

/**
 * A conference holds an event this EventFold cannot read (a newer writer's version, or no upcaster leads from
 * it): deciding on the rest would decide on a history with a hole, so every command on it is refused.
 */
public final class UnreadableHistoryException extends RuntimeException {

    UnreadableHistoryException(String conferenceId, String why) {
        super("Conference " + conferenceId + " holds an event this EventFold cannot read. " + why);
    }
}
