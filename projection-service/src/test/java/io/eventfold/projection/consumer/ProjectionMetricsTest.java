package io.eventfold.projection.consumer;

import static io.eventfold.projection.ProjectionFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.contracts.registration.Role;
import io.eventfold.messaging.EventHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProjectionMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ProjectionMetrics metrics = new ProjectionMetrics(registry);

    @Test
    void every_event_of_a_live_batch_has_its_delay_recorded() {
        var batch = batchOf(40);

        metrics.batchWritten(batch, 1_000_000);

        assertThat(delaysRecorded()).isEqualTo(40);
        assertThat(registry.get("eventfold.projection.events.applied").counter().count()).isEqualTo(40);
    }

    @Test
    void a_batch_that_catches_up_records_an_even_sample_of_its_delays() {
        var batch = batchOf(5_000);

        metrics.batchWritten(batch, 1_000_000);

        assertThat(delaysRecorded()).isBetween(60L, 64L);
        assertThat(registry.get("eventfold.projection.events.applied").counter().count()).isEqualTo(5_000);
    }

    private long delaysRecorded() {
        return registry.get("eventfold.projection.event.delay").timer().count();
    }

    /** Events of two partitions, decided a second ago. */
    private static Batch batchOf(int events) {
        var batch = new Batch();
        var decided = Instant.now().minusSeconds(1);
        for (int i = 0; i < events; i++) {
            var event = registered("c1", "r" + i, Role.ATTENDEE, i % 60);
            var headers = new EventHeaders("registration.person-registered.v1", "m" + i, "c1", i, i + 1, decided);
            batch.addEvent(EventEnvelope.decoded("events", i % 2, i / 2, headers, event, new byte[0]));
        }
        return batch;
    }
}
