package io.eventfold.projection.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One projection's dead letters within one batch. An event that cannot be read or applied is parked, and so
 * is every later event of its conference, so that a conference never applies events out of order while
 * all other conferences keep flowing.
 */
public final class Parking {

    private final Generation generation;
    private final Set<String> blocked;
    private final List<ParkedEvent> parked = new ArrayList<>();

    public record ParkedEvent(Generation generation, EventEnvelope envelope, String reason) {
    }

    public Parking(Generation generation, Set<String> blockedConferences) {
        this.generation = generation;
        this.blocked = new HashSet<>(blockedConferences);
    }

    /** Whether the projection should apply this event now; parks it if not. */
    public boolean admit(EventEnvelope envelope) {
        if (blocked.contains(envelope.conferenceId())) {
            park(envelope, WAITING + envelope.conferenceId());
            return false;
        }
        if (!envelope.isDecoded()) {
            park(envelope, envelope.problem());
            return false;
        }
        return true;
    }

    /** Reason of an event parked because the one before it has not been applied. */
    public static final String GAP = "Gap: ";
    /** Reason of an event parked behind an earlier dead letter of its conference. */
    public static final String WAITING = "Waiting behind an earlier dead letter of conference ";

    /** The event came before the version it builds on ({@code expected}): it waits for that one. */
    public void gap(EventEnvelope envelope, long expected) {
        park(envelope, GAP + "version " + envelope.version() + " arrived before version " + expected);
    }

    /** A copy to try events on: adopted if they were written, forgotten if they were undone. */
    Parking trial() {
        return new Parking(generation, blocked);
    }

    void adopt(Parking trial) {
        blocked.addAll(trial.blocked);
        parked.addAll(trial.parked);
    }

    /** The projection could not apply this event. */
    public void failed(EventEnvelope envelope, RuntimeException cause) {
        park(envelope, reason(cause));
    }

    /** The most specific message: for a refused write, the database's own words rather than Spring's SQL. */
    private static String reason(Throwable cause) {
        var root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var reason = root.getClass().getSimpleName() + ": " + root.getMessage();
        return root == cause ? reason : reason + " (in " + cause.getClass().getSimpleName() + ")";
    }

    private void park(EventEnvelope envelope, String reason) {
        blocked.add(envelope.conferenceId());
        parked.add(new ParkedEvent(generation, envelope, reason));
    }

    public List<ParkedEvent> parked() {
        return parked;
    }
}
