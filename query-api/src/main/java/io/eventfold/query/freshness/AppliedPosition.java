package io.eventfold.query.freshness;

import io.eventfold.query.web.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
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
    private final Waits waits;
    private final Watcher<String> watcher;

    AppliedPosition(JdbcClient jdbc, Freshness freshness, Waits waits) {
        this.jdbc = jdbc;
        this.freshness = freshness;
        this.waits = waits;
        this.watcher = freshness.watcher("applied-position-watcher", keys -> Map.of(LIVE, current()));
    }

    long current() {
        return jdbc.sql("select coalesce(min(watermark), 0) from projection_offset where projection = ?")
                .param(LIVE).query(Long.class).single();
    }

    /**
     * {@code read}'s answer, at once without {@code minPosition}; with it, null is returned at once (the
     * request is then answered, as JSON, once every event up to it is applied) or 503 if that takes too long.
     */
    public <T> ResponseEntity<T> answer(Long minPosition, Supplier<T> read, HttpServletRequest request) {
        InvalidParameterException.notNegative("minPosition", minPosition);
        if (minPosition == null) {
            return ResponseEntity.ok(read.get());
        }
        waits.answerAfter(() -> watcher.reached(LIVE, minPosition), request, (answer, reached) -> {
            if (!reached) {
                throw freshness.behind("The read model is complete up to position " + current() + ", not yet "
                        + minPosition);
            }
            waits.problems().json(answer, read.get());
        });
        return null;
    }
}
