package io.eventfold.command.axon;

import java.util.OptionalLong;

/**
 * The global position of the last event this thread's unit of work stored, recorded once its transaction has
 * committed. A command's response names its event's position; reading it here saves a query per command. Only
 * committed events are recorded, and an aggregate's sequence number is unique in the event store, so a record
 * that matches is that event's position, however old; anything else falls back to the event store.
 */
public final class CommittedPositions {

    private static final ThreadLocal<Stored> LAST = new ThreadLocal<>();

    private CommittedPositions() {
    }

    /** The position of the aggregate's event with this sequence number, if this thread committed it last. */
    public static OptionalLong of(String aggregateId, long sequenceNumber) {
        var stored = LAST.get();
        return stored != null && stored.sequenceNumber == sequenceNumber && stored.aggregateId.equals(aggregateId)
                ? OptionalLong.of(stored.globalIndex) : OptionalLong.empty();
    }

    static void remember(String aggregateId, long sequenceNumber, long globalIndex) {
        LAST.set(new Stored(aggregateId, sequenceNumber, globalIndex));
    }

    private record Stored(String aggregateId, long sequenceNumber, long globalIndex) {
    }
}
