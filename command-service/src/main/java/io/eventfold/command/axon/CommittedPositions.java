package io.eventfold.command.axon;

import java.util.List;
import java.util.OptionalLong;

/**
 * The global positions of the events this thread's last unit of work stored, recorded once its transaction has
 * committed. A command's response names its event's position; reading it here saves a query per command. Only
 * committed events are recorded, and an aggregate's sequence number is unique in the event store, so a record
 * that matches is that event's position, however old; anything else falls back to the event store.
 */
public final class CommittedPositions {

    private static final ThreadLocal<List<Stored>> LAST = ThreadLocal.withInitial(List::of);

    private CommittedPositions() {
    }

    /** The position of the aggregate's event with this sequence number, if this thread's last commit stored it. */
    public static OptionalLong of(String aggregateId, long sequenceNumber) {
        for (var stored : LAST.get()) {
            if (stored.sequenceNumber == sequenceNumber && stored.aggregateId.equals(aggregateId)) {
                return OptionalLong.of(stored.globalIndex);
            }
        }
        return OptionalLong.empty();
    }

    static void remember(List<Stored> committed) {
        LAST.set(committed);
    }

    record Stored(String aggregateId, long sequenceNumber, long globalIndex) {
    }
}
