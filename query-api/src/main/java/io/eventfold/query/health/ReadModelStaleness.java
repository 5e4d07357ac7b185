package io.eventfold.query.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How stale the served read model may be, from the projector's heartbeat (query-api cannot see the topic): the
 * lag it last reported plus that report's age, so a projector that stopped counts as falling behind. DEGRADED
 * (answered 200: reads are still answered, from older data) past {@code eventfold.query.health.max-staleness}.
 */
@Component("readModel")
@EnableConfigurationProperties(StalenessProperties.class)
class ReadModelStaleness implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED");

    private final JdbcClient jdbc;
    private final StalenessProperties properties;

    ReadModelStaleness(JdbcClient jdbc, StalenessProperties properties, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.properties = properties;
        Gauge.builder("eventfold.query.read.model.staleness.seconds", this,
                        s -> s.staleness().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN))
                .description("Lag the projector last reported plus that report's age; NaN before any report")
                .register(registry);
    }

    /** Empty while no projector has reported. */
    Optional<Duration> staleness() {
        return jdbc.sql("""
                        select min(lag_ms + (extract(epoch from now() - checked_at) * 1000)::bigint)
                        from projector_heartbeat having count(*) > 0""")
                .query(Long.class).optional().map(Duration::ofMillis);
    }

    @Override
    public Health health() {
        Optional<Duration> staleness;
        try {
            staleness = staleness();
        } catch (DataAccessException e) {
            // The database's own indicator says DOWN; its message may carry SQL, not for an open endpoint.
            return Health.unknown().withDetail("error", "the read model cannot be read").build();
        }
        if (staleness.isEmpty()) {
            return Health.status(DEGRADED).withDetail("note", "no projector has reported yet").build();
        }
        boolean stale = staleness.get().compareTo(properties.maxStaleness()) > 0;
        var health = Health.status(stale ? DEGRADED : Status.UP)
                .withDetail("stalenessSeconds", staleness.get().toSeconds());
        return (stale ? health.withDetail("note", "reads are answered from a read model that is behind")
                : health).build();
    }
}
