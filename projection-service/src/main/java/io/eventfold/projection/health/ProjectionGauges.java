package io.eventfold.projection.health;

import io.eventfold.projection.rebuild.ProjectionStatus;
import io.eventfold.projection.rebuild.Rebuilds;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Per projection (a handful; states of dead letters: three), what operators alert on: lag with parked events,
 * parked conferences, dead letters by state, and the rebuild's progress, rate and failure. Registered at start
 * for every projection, so that the series exist before anything happens to them.
 */
@Component
class ProjectionGauges {

    private final ProjectionReadings readings;

    ProjectionGauges(ProjectionReadings readings, Rebuilds rebuilds, MeterRegistry registry) {
        this.readings = readings;
        for (var projection : rebuilds.projections()) {
            var name = projection.name();
            gauge(registry, "eventfold.projection.pending.events", name, "Events not applied yet, parked included",
                    r -> r.status().lagEvents());
            gauge(registry, "eventfold.projection.pending.seconds", name,
                    "Age of the oldest event not applied yet (live stream or parked); 0 when none waits",
                    r -> r.lag().toMillis() / 1000.0);
            gauge(registry, "eventfold.projection.parked.conferences", name, "Conferences held back by dead letters",
                    r -> r.status().parkedConferences());
            for (var state : ProjectionReadings.LETTER_STATES) {
                Gauge.builder("eventfold.projection.dead.letters", this,
                                g -> g.value(name, r -> r.letters().getOrDefault(state, 0L)))
                        .tags("projection", name, "state", state).description("Dead letters of every generation")
                        .register(registry);
            }
            gauge(registry, "eventfold.projection.rebuild.running", name, "1 while a rebuild runs",
                    r -> r.status().rebuild() == null ? 0 : 1);
            gauge(registry, "eventfold.projection.rebuild.failed", name, "1 when the last rebuild failed",
                    r -> "FAILED".equals(r.status().state()) ? 1 : 0);
            gauge(registry, "eventfold.projection.rebuild.progress.ratio", name,
                    "Share of the topic the running rebuild has read; 0 when none runs",
                    r -> rebuild(r.status(), b -> b.total() == 0 ? 1 : (double) b.processed() / b.total()));
            gauge(registry, "eventfold.projection.rebuild.remaining.records", name,
                    "Records the running rebuild has still to read", r -> rebuild(r.status(),
                            b -> b.total() - b.processed()));
            gauge(registry, "eventfold.projection.rebuild.events.rate", name,
                    "Records per second of the running rebuild, where this instance runs it",
                    r -> rebuild(r.status(), b -> b.eventsPerSecond() == null ? 0 : b.eventsPerSecond()));
        }
    }

    private void gauge(MeterRegistry registry, String metric, String projection, String description,
                       ToDoubleFunction<ProjectionReadings.Reading> value) {
        Gauge.builder(metric, this, g -> g.value(projection, value)).tag("projection", projection)
                .description(description).register(registry);
    }

    private double value(String projection, ToDoubleFunction<ProjectionReadings.Reading> value) {
        var reading = readings.read().get(projection);
        return reading == null ? Double.NaN : value.applyAsDouble(reading);
    }

    private static double rebuild(ProjectionStatus status,
                                  ToDoubleFunction<io.eventfold.projection.rebuild.RebuildStatus> value) {
        return status.rebuild() == null ? 0 : value.applyAsDouble(status.rebuild());
    }
}
