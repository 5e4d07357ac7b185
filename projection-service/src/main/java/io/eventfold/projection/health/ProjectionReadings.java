package io.eventfold.projection.health;

import io.eventfold.projection.rebuild.ProjectionOverview;
import io.eventfold.projection.rebuild.ProjectionStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What health and the per-projection metrics read: the operators' overview (lag counted from the stored offsets
 * and the topic's ends, parked events included, so it holds whichever instance owns a partition) and the dead
 * letters. Health checks and scrapes close together share one reading.
 */
@Component
class ProjectionReadings {

    private static final long REUSE_MILLIS = 1000;
    static final List<String> LETTER_STATES = List.of("PARKED", "APPLIED", "SKIPPED");

    /** {@code lag}: the longer of the live stream's lag and the age of the oldest parked event. */
    record Reading(ProjectionStatus status, Duration lag, Map<String, Long> letters) {
    }

    private record Taken(Map<String, Reading> readings, long at) {
    }

    private final ProjectionOverview overview;
    private final JdbcTemplate jdbc;
    private volatile Taken last = new Taken(Map.of(), 0);

    ProjectionReadings(ProjectionOverview overview, JdbcTemplate jdbc) {
        this.overview = overview;
        this.jdbc = jdbc;
    }

    Map<String, Reading> read() {
        var taken = last;
        long now = System.currentTimeMillis();
        if (now - taken.at() >= REUSE_MILLIS) {
            taken = new Taken(take(), now);
            last = taken;
        }
        return taken.readings();
    }

    private Map<String, Reading> take() {
        var letters = new HashMap<String, Map<String, Long>>();
        var parkedAge = new HashMap<String, Long>();
        jdbc.query("select projection, state, count(*) from dead_letter group by projection, state", rs -> {
            letters.computeIfAbsent(rs.getString(1), p -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
        });
        // The live generation's parked letters hold its readers back; a rebuild's own wait for its switch.
        jdbc.query("""
                select d.projection, (extract(epoch from now() - min(d.created_at)) * 1000)::bigint
                from dead_letter d join projection_generation g
                  on g.projection = d.projection and g.generation = d.generation and g.state = 'LIVE'
                where d.state = 'PARKED' group by d.projection""", rs -> {
            parkedAge.put(rs.getString(1), rs.getLong(2));
        });
        var readings = new HashMap<String, Reading>();
        for (var status : overview.projections()) {
            long lagMillis = Math.max(status.lagMs(), parkedAge.getOrDefault(status.name(), 0L));
            readings.put(status.name(), new Reading(status, Duration.ofMillis(lagMillis),
                    letters.getOrDefault(status.name(), Map.of())));
        }
        return Map.copyOf(readings);
    }
}
