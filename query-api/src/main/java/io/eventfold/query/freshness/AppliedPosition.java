package io.eventfold.query.freshness;

import io.eventfold.query.web.InvalidParameterException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far the read model is complete: the lowest relay watermark applied over all partitions. Every event
 * at or below it, in any partition, has been applied.
 */
@Component
public class AppliedPosition {

    private static final String LIVE = "live";

    private final JdbcClient jdbc;
    private final Freshness freshness;
    private final Watcher<String> watcher;

    AppliedPosition(JdbcClient jdbc, Freshness freshness) {
        this.jdbc = jdbc;
        this.freshness = freshness;
        this.watcher = freshness.watcher("applied-position-watcher", keys -> Map.of(LIVE, current()));
    }

    long current() {
        return jdbc.sql("select coalesce(min(watermark), 0) from projection_offset where projection = ?")
                .param(LIVE).query(Long.class).single();
    }

    /** Returns once every event up to {@code minPosition} is applied; 503 if that takes too long. */
    public void await(Long minPosition) {
        InvalidParameterException.notNegative("minPosition", minPosition);
        if (minPosition != null && !watcher.await(LIVE, minPosition)) {
            throw freshness.behind("The read model is complete up to position " + current() + ", not yet "
                    + minPosition);
        }
    }
}
