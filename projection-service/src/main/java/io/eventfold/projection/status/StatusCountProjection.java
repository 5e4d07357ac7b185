package io.eventfold.projection.status;

import io.eventfold.contracts.EventTypes;
import io.eventfold.contracts.conference.EventScheduled;
import io.eventfold.contracts.conference.EventStatus;
import io.eventfold.contracts.conference.EventStatusChanged;
import io.eventfold.projection.consumer.EventEnvelope;
import io.eventfold.projection.consumer.Generation;
import io.eventfold.projection.consumer.Parking;
import io.eventfold.projection.consumer.Projection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Conference events per (organization, status). A status change decrements the old count and increments
 * the new one; a batch adds up its deltas in memory and writes each touched count once.
 */
@Component
class StatusCountProjection implements Projection {

    private final JdbcTemplate jdbc;

    StatusCountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record EventStatusRow(String eventId, String organizationId, String status, long version) {
    }

    record CountKey(String organizationId, String status) {
    }

    private static final String COUNTS = "status_count";
    private static final String STATUSES = "status_of_event";
    private static final Set<String> HANDLED = Stream.of(EventScheduled.class, EventStatusChanged.class)
            .map(type -> EventTypes.wireNameOf(type).orElseThrow()).collect(Collectors.toUnmodifiableSet());

    @Override
    public String name() {
        return "status-counts";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> tables() {
        return List.of(COUNTS, STATUSES);
    }

    @Override
    public List<String> publishedTables() {
        return List.of(COUNTS);
    }

    @Override
    public boolean handles(String eventType) {
        return HANDLED.contains(eventType);
    }

    @Override
    public void apply(List<EventEnvelope> batch, Parking parking, Generation generation) {
        var touched = batch.stream().filter(e -> e.eventType() == null || handles(e.eventType())).toList();
        if (touched.isEmpty()) {
            return;
        }
        var rows = load(generation, touched.stream().map(EventEnvelope::conferenceId).distinct().toList());
        var deltas = new HashMap<CountKey, Long>();
        var changed = new HashMap<String, EventStatusRow>();
        for (var envelope : touched) {
            var current = rows.get(envelope.conferenceId());
            if (current != null && envelope.version() <= current.version() || !parking.admit(envelope)) {
                continue;
            }
            EventStatusRow next;
            try {
                next = transition(current, envelope);
            } catch (RuntimeException cannotApply) {
                parking.failed(envelope, cannotApply);
                continue;
            }
            if (current != null) {
                deltas.merge(new CountKey(current.organizationId(), current.status()), -1L, Long::sum);
            }
            deltas.merge(new CountKey(next.organizationId(), next.status()), 1L, Long::sum);
            rows.put(next.eventId(), next);
            changed.put(next.eventId(), next);
        }
        save(generation, changed.values(), deltas);
    }

    private static EventStatusRow transition(EventStatusRow current, EventEnvelope envelope) {
        if (envelope.event() instanceof EventScheduled scheduled) {
            return new EventStatusRow(scheduled.eventId(), scheduled.organizationId(), EventStatus.DRAFT.name(),
                    envelope.version());
        }
        if (current == null) {
            throw new IllegalStateException("Status change of unknown event " + envelope.conferenceId());
        }
        var changed = (EventStatusChanged) envelope.event();
        return new EventStatusRow(current.eventId(), current.organizationId(), changed.to().name(),
                envelope.version());
    }

    private Map<String, EventStatusRow> load(Generation g, List<String> eventIds) {
        var rows = new HashMap<String, EventStatusRow>();
        jdbc.query("select event_id, organization_id, status, version from %s where event_id = any(?) for update"
                        .formatted(g.table(STATUSES)),
                rs -> {
                    rows.put(rs.getString(1), new EventStatusRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4)));
                },
                (Object) eventIds.toArray(String[]::new));
        return rows;
    }

    private void save(Generation g, Iterable<EventStatusRow> rows, Map<CountKey, Long> deltas) {
        var statusRows = new ArrayList<Object[]>();
        rows.forEach(r -> statusRows.add(new Object[] {r.eventId(), r.organizationId(), r.status(), r.version()}));
        jdbc.batchUpdate("""
                insert into %s (event_id, organization_id, status, version) values (?, ?, ?, ?)
                on conflict (event_id) do update set status = excluded.status, version = excluded.version"""
                        .formatted(g.table(STATUSES)),
                statusRows);
        var countRows = deltas.entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> new Object[] {e.getKey().organizationId(), e.getKey().status(), e.getValue()})
                .toList();
        // Sorted so that concurrent writers lock count rows in the same order and cannot deadlock.
        jdbc.batchUpdate("""
                insert into %1$s as c (organization_id, status, event_count) values (?, ?, ?)
                on conflict (organization_id, status) do update
                set event_count = c.event_count + excluded.event_count""".formatted(g.table(COUNTS)),
                countRows.stream().sorted(Comparator.comparing((Object[] r) -> (String) r[0])
                        .thenComparing(r -> (String) r[1])).toList());
    }
}
