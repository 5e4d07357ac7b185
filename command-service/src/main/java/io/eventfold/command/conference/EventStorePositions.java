package io.eventfold.command.conference;

import io.eventfold.command.axon.CommittedPositions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The global position of an aggregate's event: as the event store recorded it for this thread when it committed
 * the event, else one read on the event store's unique index (say, after a retry that ran on another thread).
 */
@Component
class EventStorePositions {

    private final JdbcClient jdbc;

    EventStorePositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long positionOf(String aggregateId, long sequenceNumber) {
        return CommittedPositions.of(aggregateId, sequenceNumber).orElseGet(() -> jdbc.sql("""
                        select global_index from domain_event_entry
                        where aggregate_identifier = ? and sequence_number = ?""")
                .params(aggregateId, sequenceNumber)
                .query(Long.class)
                .single());
    }
}
