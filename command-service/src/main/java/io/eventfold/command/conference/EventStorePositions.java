package io.eventfold.command.conference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Looks up the global position of an aggregate's event: one read on the event store's unique index. */
@Component
class EventStorePositions {

    private final JdbcClient jdbc;

    EventStorePositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long positionOf(String aggregateId, long sequenceNumber) {
        return jdbc.sql("""
                        select global_index from domain_event_entry
                        where aggregate_identifier = ? and sequence_number = ?""")
                .params(aggregateId, sequenceNumber)
                .query(Long.class)
                .single();
    }
}
