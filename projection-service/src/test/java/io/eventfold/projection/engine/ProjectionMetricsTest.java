package io.eventfold.projection.engine;

import static io.eventfold.projection.ProjectionFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.eventfold.contracts.registration.Role;
import io.eventfold.messaging.EventHeaders;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
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

    @Test
    void the_delay_splits_into_the_relay_and_the_projector_at_the_time_the_event_was_published() {
        var decided = Instant.now().minusSeconds(1);
        var batch = batchOf(10, decided, decided.plusMillis(600).toEpochMilli());

        metrics.batchWritten(batch, 1_000_000);

        var relay = stage("relay");
        var projector = stage("projector");
        assertThat(relay.count()).isEqualTo(10);
        assertThat(relay.mean(TimeUnit.MILLISECONDS)).isEqualTo(600);
        // Published 400 ms ago, give or take the test's own run time.
        assertThat(projector.mean(TimeUnit.MILLISECONDS)).isBetween(400.0, 1_000.0);
        assertThat(relay.mean(TimeUnit.MILLISECONDS) + projector.mean(TimeUnit.MILLISECONDS))
                .isCloseTo(registry.get("eventfold.projection.event.delay").timer().mean(TimeUnit.MILLISECONDS),
                        within(1.0));
    }

    @Test
    void an_event_without_a_publication_time_has_no_stages() {
        var batch = batchOf(10, Instant.now().minusSeconds(1), 0);

        metrics.batchWritten(batch, 1_000_000);

        assertThat(delaysRecorded()).isEqualTo(10);
        assertThat(stage("relay").count()).isZero();
        assertThat(stage("projector").count()).isZero();
    }

    @Test
    void a_partition_stuck_since_start_with_nothing_applied_never_reads_as_caught_up() {
        var partition = new TopicPartition("events", 0);
        var consumer = new MockConsumer<String, ByteBuffer>("earliest");
        consumer.assign(List.of(partition));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.updateEndOffsets(Map.of(partition, 10L));
        consumer.seek(partition, 0);

        await().until(() -> {
            metrics.polled(consumer, Map.of());
            return lag("eventfold.projection.lag.ms") > 0;
        });

        assertThat(lag("eventfold.projection.lag.events")).isEqualTo(10);
    }

    @Test
    void a_partition_revoked_and_assigned_again_as_a_failed_loop_retries_keeps_its_lag_series() {
        var partition = new TopicPartition("events", 0);
        var consumer = new MockConsumer<String, ByteBuffer>("earliest");
        consumer.assign(List.of(partition));
        consumer.updateEndOffsets(Map.of(partition, 10L));
        consumer.seek(partition, 4);
        metrics.polled(consumer, Map.of(partition, 4L));

        metrics.revoked(List.of(partition));

        assertThat(lag("eventfold.projection.lag.events")).isEqualTo(6);
        metrics.polled(consumer, Map.of(partition, 4L));
        assertThat(lag("eventfold.projection.lag.events")).isEqualTo(6);
    }

    private double lag(String name) {
        return registry.get(name).tag("partition", "0").gauge().value();
    }

    private Timer stage(String name) {
        return registry.get("eventfold.projection.stage.delay").tag("stage", name).timer();
    }

    private long delaysRecorded() {
        return registry.get("eventfold.projection.event.delay").timer().count();
    }

    /** Events of two partitions, decided a second ago and published right then. */
    private static Batch batchOf(int events) {
        var decided = Instant.now().minusSeconds(1);
        return batchOf(events, decided, decided.toEpochMilli());
    }

    private static Batch batchOf(int events, Instant decided, long publishedAt) {
        var batch = new Batch();
        for (int i = 0; i < events; i++) {
            var event = registered("c1", "r" + i, Role.ATTENDEE, i % 60);
            var headers = new EventHeaders("registration.person-registered.v1", "m" + i, "c1", i, i + 1, decided);
            batch.addEvent(EventEnvelope.decoded("events", i % 2, i / 2, publishedAt, headers, event,
                    ByteBuffer.allocate(0)));
        }
        return batch;
    }
}
