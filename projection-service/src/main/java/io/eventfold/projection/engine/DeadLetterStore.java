package io.eventfold.projection.engine;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class DeadLetterStore {

    private final JdbcTemplate jdbc;

    DeadLetterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The conferences among these that the projection holds back behind a parked dead letter. */
    Set<String> blocked(Generation generation, Collection<String> conferenceIds) {
        var blocked = new HashSet<String>();
        jdbc.query("""
                        select distinct conference_id from dead_letter
                        where projection = ? and generation = ? and state = 'PARKED' and conference_id = any(?)""",
                rs -> {
                    blocked.add(rs.getString(1));
                }, generation.projection(), generation.number(), conferenceIds.toArray(String[]::new));
        return blocked;
    }

    public void save(List<Parking.ParkedEvent> parked) {
        if (parked.isEmpty()) {
            return; // the usual case: no statement for it on every batch
        }
        jdbc.batchUpdate("""
                        insert into dead_letter (projection, generation, conference_id, aggregate_version,
                                                 event_type, topic, partition_no, record_offset, reason, payload,
                                                 message_id, global_position, event_time)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (projection, generation, topic, partition_no, record_offset)
                        do update set reason = excluded.reason""",
                parked.stream().map(p -> {
                    var e = p.envelope();
                    var h = e.headers();
                    return new Object[] {p.generation().projection(), p.generation().number(), e.conferenceId(),
                            e.version() < 0 ? null : e.version(), e.eventType(), e.topic(), e.partition(),
                            e.offset(), p.reason(), e.payloadBytes(),
                            h == null ? null : h.messageId(), h == null ? null : h.globalPosition(),
                            h == null ? null : Timestamp.from(h.timestamp())};
                }).toList());
    }
}
