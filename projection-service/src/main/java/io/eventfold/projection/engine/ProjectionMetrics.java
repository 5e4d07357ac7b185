package io.eventfold.projection.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * What the projector reports on {@code /actuator/prometheus}: events applied (and their rate over the last
 * ten seconds), batch sizes and durations, per partition how far behind the topic it is, in events and
 * in milliseconds (age of the last applied event while records are waiting; 0 when caught up), and how long
 * events took from the command that decided them to the committed read model (what readers wait for), split
 * into its two stages: the relay (decided → on the topic) and the projector (on the topic → committed). The
 * stages compare clocks of two hosts (the command service's and this one's); on one host they add up. Failed
 * batches are counted, and how long they have kept failing is what health reports.
 */
@Component
public class ProjectionMetrics {

    /** Event delays recorded per batch at most. */
    private static final int DELAYS_PER_BATCH = 64;

    private final MeterRegistry registry;
    private final Counter applied;
    private final DistributionSummary batchSizes;
    private final Timer batchDurations;
    private final Timer eventDelays;
    private final Timer relayDelays;
    private final Timer projectorDelays;
    private final Map<TopicPartition, Lag> lags = new ConcurrentHashMap<>();
    private final Throughput throughput = new Throughput(Duration.ofSeconds(10));
    private final Counter failedBatches;
    /** When the batches of this instance started failing without one written since; 0 while they succeed. */
    private final AtomicLong failingSince = new AtomicLong();
    private volatile String lastFailure;

    /** A revoked partition's series outlive a loop's retry (close, subscribe again), not a move elsewhere. */
    private static final long REVOKED_SERIES_KEPT_MILLIS = 30_000;

    /**
     * {@code behindSince}: when records started waiting with none applied since start, to age them from;
     * {@code revokedAt}: when the partition was taken from this instance's loop, 0 while it is assigned.
     */
    private record Lag(AtomicLong events, AtomicLong millis, AtomicLong lastEventAt, AtomicLong behindSince,
                       AtomicLong revokedAt, List<Gauge> gauges) {
    }

    ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.applied = Counter.builder("eventfold.projection.events.applied")
                .description("Events applied to the read model").register(registry);
        this.batchSizes = DistributionSummary.builder("eventfold.projection.batch.size")
                .description("Records per written batch").publishPercentiles(0.5, 0.99).register(registry);
        this.batchDurations = Timer.builder("eventfold.projection.batch.duration")
                .description("Time to write one batch").publishPercentiles(0.5, 0.99).register(registry);
        this.eventDelays = Timer.builder("eventfold.projection.event.delay")
                .description("From the command that decided an event to its batch committed in the read model")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.relayDelays = stageDelay("relay", "From the command that decided an event to the relay's send");
        this.projectorDelays = stageDelay("projector", "From the relay's send to the batch committed");
        Gauge.builder("eventfold.projection.events.rate", this, ProjectionMetrics::eventsPerSecond)
                .description("Events applied per second over the last ten seconds").register(registry);
        this.failedBatches = Counter.builder("eventfold.projection.batch.failures")
                .description("Batches that failed and were read again").register(registry);
        Gauge.builder("eventfold.projection.failing.seconds", this, m -> m.failingFor().toMillis() / 1000.0)
                .description("How long batches have failed without one written; 0 while they succeed")
                .register(registry);
    }

    void batchFailed(Throwable failure) {
        failedBatches.increment();
        failingSince.compareAndSet(0, System.currentTimeMillis());
        lastFailure = failure.getClass().getSimpleName();
    }

    /** How long batches have been failing with none written since; zero while they succeed. */
    public Duration failingFor() {
        long since = failingSince.get();
        return since == 0 ? Duration.ZERO : Duration.ofMillis(System.currentTimeMillis() - since);
    }

    public String lastFailure() {
        return lastFailure;
    }

    private Timer stageDelay(String stage, String description) {
        return Timer.builder("eventfold.projection.stage.delay").tag("stage", stage).description(description)
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void batchWritten(Batch batch, long nanos) {
        failingSince.set(0);
        var events = batch.events();
        applied.increment(events.size());
        batchSizes.record(batch.size());
        batchDurations.record(Duration.ofNanos(nanos));
        long now = System.currentTimeMillis();
        // Every event of a live batch; a sample of a batch that catches up, whose delays say nothing about
        // readers, and recording each of thousands of events showed in a replay's profile.
        int stride = Math.max(1, (events.size() + DELAYS_PER_BATCH - 1) / DELAYS_PER_BATCH);
        TopicPartition partition = null;
        long newest = 0;
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            // Records come in runs per partition (each poll groups them): one lag update per run.
            if (partition == null || partition.partition() != event.partition()
                    || !partition.topic().equals(event.topic())) {
                decided(partition, newest);
                partition = new TopicPartition(event.topic(), event.partition());
                newest = 0;
            }
            long decidedAt = event.headers() == null ? 0 : event.headers().timestamp().toEpochMilli();
            newest = Math.max(newest, decidedAt);
            if (decidedAt > 0 && i % stride == 0) {
                eventDelays.record(Math.max(0, now - decidedAt), TimeUnit.MILLISECONDS);
                stages(decidedAt, event.publishedAt(), now);
            }
        }
        decided(partition, newest);
        throughput.record(events.size());
    }

    private void stages(long decidedAt, long publishedAt, long now) {
        if (publishedAt > 0) {
            relayDelays.record(Math.max(0, publishedAt - decidedAt), TimeUnit.MILLISECONDS);
            projectorDelays.record(Math.max(0, now - publishedAt), TimeUnit.MILLISECONDS);
        }
    }

    private void decided(TopicPartition partition, long newestDecidedAt) {
        if (partition != null) {
            lag(partition).lastEventAt().accumulateAndGet(newestDecidedAt, Math::max);
        }
    }

    public double eventsPerSecond() {
        return throughput.rate();
    }

    /** The most any partition of this instance is behind, in milliseconds. */
    public long lagMillis() {
        return lags.values().stream().mapToLong(l -> l.millis().get()).max().orElse(0);
    }

    /**
     * {@code written}: per partition, the next offset after the last batch written. Records read but not yet
     * written (a batch being filled, or one that keeps failing) are still lag.
     */
    void polled(Consumer<?, ?> consumer, Map<TopicPartition, Long> written) {
        long now = System.currentTimeMillis();
        for (var partition : consumer.assignment()) {
            var lag = lag(partition);
            lag.revokedAt().set(0);
            var unread = consumer.currentLag(partition);
            if (unread.isPresent()) {
                // The position is known whenever the lag is.
                long end = consumer.position(partition) + unread.getAsLong();
                long behind = Math.max(unread.getAsLong(), end - written.getOrDefault(partition, end));
                lag.events().set(behind);
                long since = behind == 0 ? 0 : lag.behindSince().get() == 0 ? now : lag.behindSince().get();
                lag.behindSince().set(since);
                long last = lag.lastEventAt().get();
                // Stuck since start (nothing applied yet) must not read as caught up.
                lag.millis().set(behind == 0 ? 0 : now - (last > 0 ? last : since));
            }
        }
        dropLongRevoked(now);
    }

    /**
     * Partitions another loop or instance takes over: their series end here (once not assigned again soon) and
     * start there, instead of this instance reporting their last lag for good.
     */
    void revoked(Collection<TopicPartition> partitions) {
        long now = System.currentTimeMillis();
        for (var partition : partitions) {
            var lag = lags.get(partition);
            if (lag != null) {
                lag.revokedAt().compareAndSet(0, now);
            }
        }
    }

    private void dropLongRevoked(long now) {
        lags.forEach((partition, lag) -> {
            long revokedAt = lag.revokedAt().get();
            if (revokedAt != 0 && now - revokedAt > REVOKED_SERIES_KEPT_MILLIS && lags.remove(partition, lag)) {
                lag.gauges().forEach(registry::remove);
            }
        });
    }

    private Lag lag(TopicPartition partition) {
        return lags.computeIfAbsent(partition, p -> {
            var gauges = new ArrayList<Gauge>();
            var lag = new Lag(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(),
                    new AtomicLong(), gauges);
            var tags = Tags.of("topic", p.topic(), "partition", String.valueOf(p.partition()));
            gauges.add(Gauge.builder("eventfold.projection.lag.events", lag.events(), AtomicLong::get).tags(tags)
                    .description("Records on the topic not applied yet").register(registry));
            gauges.add(Gauge.builder("eventfold.projection.lag.ms", lag.millis(), AtomicLong::get).tags(tags)
                    .description("Age of the last applied event (or of the wait) while records wait")
                    .register(registry));
            return lag;
        });
    }
}
