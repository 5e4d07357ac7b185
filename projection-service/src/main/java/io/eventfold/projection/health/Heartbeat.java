package io.eventfold.projection.health;

import io.eventfold.projection.engine.ConsumerProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes how far behind the projections are (the most of any, parked events included) for query-api, which
 * cannot see the topic; every instance renews the same row, so it stops ageing while any projector runs.
 */
@Component
class Heartbeat {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final ProjectionReadings readings;
    private final JdbcTemplate jdbc;
    private final String consumer;

    Heartbeat(ProjectionReadings readings, JdbcTemplate jdbc, ConsumerProperties consumer) {
        this.readings = readings;
        this.jdbc = jdbc;
        this.consumer = consumer.consumerName();
    }

    @Scheduled(fixedDelayString = "${eventfold.projection.health.heartbeat:5s}")
    void beat() {
        try {
            long lag = readings.read().values().stream().map(ProjectionReadings.Reading::lag)
                    .mapToLong(Duration::toMillis).max().orElse(0);
            jdbc.update("""
                    insert into projector_heartbeat (consumer, checked_at, lag_ms) values (?, now(), ?)
                    on conflict (consumer) do update set checked_at = excluded.checked_at, lag_ms = excluded.lag_ms""",
                    consumer, lag);
        } catch (RuntimeException e) {
            // The row ages meanwhile, which is what query-api should see of a projector that cannot write.
            log.warn("No heartbeat this time: {}", e.toString());
        }
    }
}
