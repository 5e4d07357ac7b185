package io.eventfold.command.relay;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * DEGRADED (answered 200: commands are still stored and answered) while a stored event has waited longer than
 * {@code eventfold.relay.health.stuck-after} for the relay; readers then do not see new writes.
 */
@Component("relay")
class RelayHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED");

    private final RelayLag lag;
    private final RelayHealthProperties properties;

    RelayHealth(RelayLag lag, RelayHealthProperties properties) {
        this.lag = lag;
        this.properties = properties;
    }

    @Override
    public Health health() {
        RelayLag.Reading reading;
        try {
            reading = lag.read();
        } catch (DataAccessException e) {
            // The database's own indicator says DOWN; its message may carry SQL, not for an open endpoint.
            return Health.unknown().withDetail("error", "the event store cannot be read").build();
        }
        boolean stuck = reading.events() > 0 && reading.oldestWaiting().compareTo(properties.stuckAfter()) > 0;
        var health = Health.status(stuck ? DEGRADED : Status.UP).withDetail("lagEvents", reading.events())
                .withDetail("lagSeconds", reading.oldestWaiting().toSeconds());
        return (stuck ? health.withDetail("note", "writes are accepted, the relay is behind") : health).build();
    }
}
