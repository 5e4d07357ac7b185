package io.eventfold.projection.consumer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole topic into a new generation of one projection, on its own thread and its own consumer
 * (assigned every partition, outside the consumer group, so the live stream is not disturbed). Resumes from
 * the generation's stored positions. Once it has read to the end, it asks {@link Handover} to switch over,
 * until that succeeds: the live stream keeps the generation current meanwhile (see {@link BatchProjector}).
 */
public final class RebuildRun {

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);
    private static final int ATTEMPTS = 3;

    /** What the run asks of its owner: switch when caught up, give up when it cannot go on. */
    public interface Handover {

        /** Whether the run is over: switched, or its generation is gone (cancelled elsewhere). */
        boolean trySwitch(Collection<TopicPartition> partitions);

        void failed(RuntimeException cause);
    }

    public record Progress(long processed, long total, double eventsPerSecond) {
    }

    private final Projection projection;
    private final Generation generation;
    private final RebuildParts parts;
    private final Handover handover;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Consumer<String, byte[]> consumer;
    private volatile Progress progress = new Progress(0, 0, 0);
    private final Throughput throughput = new Throughput(Duration.ofSeconds(3));

    RebuildRun(Projection projection, Generation generation, RebuildParts parts, Handover handover) {
        this.projection = projection;
        this.generation = generation;
        this.parts = parts;
        this.handover = handover;
        this.thread = new Thread(this::run, "rebuild-" + generation.offsetsName().replace('/', '-'));
    }

    public Generation generation() {
        return generation;
    }

    public Progress progress() {
        return progress;
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    void start() {
        thread.start();
    }

    /** Stops reading (the generation stays as it is, to be resumed or discarded) and waits for the thread. */
    public void stop() {
        stopping = true;
        var current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        for (int attempt = 1; !stopping; attempt++) {
            var overrides = new Properties();
            overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, parts.properties().batchSize());
            try (var c = parts.consumers().createConsumer(null, "rebuild", null, overrides)) {
                consumer = c;
                if (stopping) {
                    return;
                }
                var partitions = c.partitionsFor(parts.topic()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                seekToStored(c, partitions);
                readToTheEndAndSwitch(c, partitions);
                return;
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                if (attempt >= ATTEMPTS) {
                    log.error("Rebuild of {} failed {} times; giving up", generation, attempt, e);
                    handover.failed(e);
                    return;
                }
                log.warn("Rebuild of {} failed; resuming from its stored positions", generation, e);
                sleep(parts.properties().retryBackoff().toMillis());
            }
        }
    }

    private void seekToStored(Consumer<String, byte[]> c, List<TopicPartition> partitions) {
        c.assign(partitions);
        var stored = parts.offsets().load(generation.offsetsName(), partitions);
        for (var partition : partitions) {
            var offset = stored.get(partition);
            if (offset != null && offset > 0) {
                c.seek(partition, offset);
            } else {
                c.seekToBeginning(List.of(partition));
            }
        }
        boolean fresh = stored.values().stream().allMatch(offset -> offset == 0);
        log.info("Rebuilding {} from {}", generation, fresh ? "the beginning" : "its stored positions " + stored);
    }

    private void readToTheEndAndSwitch(Consumer<String, byte[]> c, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = c.endOffsets(partitions);
        while (!stopping) {
            var records = c.poll(Duration.ofMillis(200));
            var batch = new Batch();
            records.forEach(r -> batch.add(r, parts.decoder(), projection::handles));
            if (!batch.isEmpty() && !parts.projector().rebuild(projection, generation, batch)) {
                log.info("{} is no longer being built; stopping its rebuild", generation);
                return;
            }
            boolean drained = records.count() < parts.properties().batchSize();
            if (drained) {
                ends = c.endOffsets(partitions);
            }
            long processed = partitions.stream().mapToLong(c::position).sum();
            long total = Math.max(processed, ends.values().stream().mapToLong(Long::longValue).sum());
            progress = new Progress(processed, total, throughput.record(records.count()));
            throttle(records.count());
            if (drained && processed >= total && handover.trySwitch(partitions)) {
                return;
            }
        }
    }

    /** Keeps the rebuild under the configured rate, so that it never starves the live stream's database. */
    private void throttle(int records) {
        double maxRate = parts.properties().maxRate();
        if (maxRate > 0 && records > 0) {
            sleep((long) (records * 1000 / maxRate));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
