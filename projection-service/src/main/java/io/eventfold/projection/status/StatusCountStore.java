package io.eventfold.projection.status;

import io.eventfold.projection.engine.FoldStore;
import io.eventfold.projection.engine.Generation;
import io.eventfold.projection.status.CountedConference.CountKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each conference's status row, and the counts per (organization, status): a batch adds up its moves in memory
 * and writes each touched count once, as a delta.
 */
@Component
class StatusCountStore implements FoldStore<CountedConference> {

    static final String COUNTS = "status_count";
    static final String STATUSES = "conference_status";

    private final JdbcTemplate jdbc;

    StatusCountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, CountedConference> load(Generation g, Collection<String> conferenceIds) {
        var rows = new HashMap<String, CountedConference>();
        jdbc.query("""
                        select conference_id, organization_id, status, version from %s
                        where conference_id = any(?) for update""".formatted(g.table(STATUSES)),
                rs -> {
                    rows.put(rs.getString(1), new CountedConference(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getLong(4)));
                },
                (Object) conferenceIds.toArray(String[]::new));
        return rows;
    }

    @Override
    public void save(Generation g, Folded<CountedConference> folded) {
        var statusRows = new ArrayList<Object[]>();
        folded.changed().values().forEach(r -> statusRows.add(
                new Object[] {r.conferenceId(), r.organizationId(), r.status(), r.version()}));
        jdbc.batchUpdate("""
                insert into %s (conference_id, organization_id, status, version) values (?, ?, ?, ?)
                on conflict (conference_id) do update set status = excluded.status, version = excluded.version"""
                        .formatted(g.table(STATUSES)),
                statusRows);
        var countRows = deltas(folded).entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> new Object[] {e.getKey().organizationId(), e.getKey().status(), e.getValue()})
                .toList();
        // Sorted so that concurrent writers lock count rows in the same order and cannot deadlock.
        jdbc.batchUpdate("""
                insert into %1$s as c (organization_id, status, conference_count) values (?, ?, ?)
                on conflict (organization_id, status) do update
                set conference_count = c.conference_count + excluded.conference_count""".formatted(g.table(COUNTS)),
                countRows.stream().sorted(Comparator.comparing((Object[] r) -> (String) r[0])
                        .thenComparing(r -> (String) r[1])).toList());
    }

    /** A changed conference leaves the count it was in when loaded and joins the one it ends the batch in. */
    static Map<CountKey, Long> deltas(Folded<CountedConference> folded) {
        var deltas = new HashMap<CountKey, Long>();
        folded.changed().forEach((id, now) -> {
            var before = folded.loaded().get(id);
            if (before != null) {
                deltas.merge(before.countKey(), -1L, Long::sum);
            }
            deltas.merge(now.countKey(), 1L, Long::sum);
        });
        return deltas;
    }
}
