package io.eventfold.projection.engine;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * DOWN while this instance's batches have kept failing for longer than the configured bound (the loop retries
 * them, but nothing reaches readers). Conferences held back behind dead letters are reported, not DOWN: the
 * rest of the read model is current, and an operator decides about them.
 */
@Component("projector")
class ProjectorHealth implements HealthIndicator {

    private final ProjectionMetrics metrics;
    private final ConsumerProperties properties;
    private final JdbcTemplate jdbc;

    ProjectorHealth(ProjectionMetrics metrics, ConsumerProperties properties, JdbcTemplate jdbc) {
        this.metrics = metrics;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        var failing = metrics.failingFor();
        var health = failing.compareTo(properties.unhealthyAfter()) > 0 ? Health.down() : Health.up();
        health.withDetail("failingForSeconds", failing.toSeconds());
        if (!failing.isZero()) {
            health.withDetail("lastFailure", String.valueOf(metrics.lastFailure())); // the class; the log has more
        }
        return health.withDetail("parkedConferences", jdbc.queryForObject("""
                select count(distinct (projection, generation, conference_id)) from dead_letter
                where state = 'PARKED'""", Long.class)).build();
    }
}
