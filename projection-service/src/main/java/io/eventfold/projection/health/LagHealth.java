package io.eventfold.projection.health;

import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * DEGRADED (answered 200) while a projection is further behind than {@link HealthProperties} allows: readers
 * are served, late. Batches that keep failing are the projector indicator's DOWN; here parked events are lag.
 */
@Component("lag")
class LagHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED");

    private final ProjectionReadings readings;
    private final HealthProperties limits;

    LagHealth(ProjectionReadings readings, HealthProperties limits) {
        this.readings = readings;
        this.limits = limits;
    }

    @Override
    public Health health() {
        boolean behind = false;
        var details = new TreeMap<String, Object>();
        for (var reading : readings.read().values()) {
            long events = reading.status().lagEvents();
            behind |= events > limits.maxLagEvents() || reading.lag().compareTo(limits.maxLagTime()) > 0;
            details.put(reading.status().name(), new Lag(events, reading.lag().toSeconds()));
        }
        return Health.status(behind ? DEGRADED : Status.UP).withDetails(details).build();
    }

    record Lag(long lagEvents, long lagSeconds) {
    }
}
