package io.eventfold.projection.rebuild;

import io.eventfold.projection.engine.Generation;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drops a retired generation once its retention is over, or as soon as a later switch retired another (only the
 * newest can be rolled back to): until then the live stream writes it as well, which costs every batch.
 */
@Component
class RetiredGenerations {

    private final JdbcTemplate jdbc;
    private final Rebuilds rebuilds;
    private final GenerationSwitch generationSwitch;
    private final RebuildProperties properties;

    RetiredGenerations(JdbcTemplate jdbc, Rebuilds rebuilds, GenerationSwitch generationSwitch,
                       RebuildProperties properties) {
        this.jdbc = jdbc;
        this.rebuilds = rebuilds;
        this.generationSwitch = generationSwitch;
        this.properties = properties;
    }

    /** Any instance may drop one; the generation rows' lock makes the others find it gone. */
    @Scheduled(fixedDelay = 5, timeUnit = TimeUnit.SECONDS)
    void dropExpired() {
        var expired = jdbc.query("""
                        select projection, generation from projection_generation r
                        where state = 'RETIRED' and dropped_at is null
                          and (retired_at <= now() - make_interval(secs => ?)
                               or exists (select 1 from projection_generation n
                                          where n.projection = r.projection and n.state = 'RETIRED'
                                            and n.dropped_at is null and n.retired_at > r.retired_at))""",
                (rs, n) -> new Generation(rs.getString(1), rs.getInt(2)),
                properties.retiredRetention().toMillis() / 1000.0);
        for (var retired : expired) {
            rebuilds.projections().stream().filter(p -> p.name().equals(retired.projection())).findFirst()
                    .ifPresent(projection -> generationSwitch.dropRetired(projection, retired));
        }
    }
}
