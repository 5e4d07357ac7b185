package io.eventfold.command.conference;

import io.eventfold.command.axon.CommittedPositions;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The global position of an aggregate's event: as the event store recorded it for this thread when it committed
 * the event, else one read on the event store's unique index (say, after a retry that ran on another thread).
 */
@Component
class EventStorePositions {

    private final JdbcClient jdbc;
    private final Cache conferences;

    EventStorePositions(JdbcClient jdbc, @Qualifier("conferenceCache") Cache conferences) {
        this.jdbc = jdbc;
        this.conferences = conferences;
    }

    /** Throws {@link StaleConferenceException}, after dropping the cached conference, if no such event is stored. */
    long positionOf(String aggregateId, long sequenceNumber) {
        var committed = CommittedPositions.of(aggregateId, sequenceNumber);
        if (committed.isPresent()) {
            return committed.getAsLong();
        }
        return jdbc.sql("""
                        select global_index from domain_event_entry
                        where aggregate_identifier = ? and sequence_number = ?""")
                .params(aggregateId, sequenceNumber)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> {
                    // The answer came from state the store does not hold; the next command reloads it.
                    conferences.remove(aggregateId);
                    return new StaleConferenceException("Event " + aggregateId + " had to be reloaded; retry");
                });
    }
}
