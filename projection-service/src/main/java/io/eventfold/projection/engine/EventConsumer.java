package io.eventfold.projection.engine;

import io.eventfold.messaging.TopicProperties;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The poll loops. Partitions come from the consumer group, so more loops, and more instances, share the
 * work: each loop writes its own partitions (its own conferences) on its own database connection, so the
 * database works on several batches at once. Where to read from comes from PostgreSQL, where each batch
 * stored its offsets with its rows. A failed batch is not skipped: the loop rewinds to the stored offsets
 * and tries again after a pause.
 */
@Component
public class EventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
    /**
     * How long a held batch waits in a poll before the loop asks again whether it has caught up. The answer can
     * change without a record arriving: a partition's end is unknown until a fetch for it is answered (say, just
     * after a rebalance), and a poll that waited for the whole batch delay meanwhile held the batch that long.
     */
    private static final Duration CAUGHT_UP_RECHECK = Duration.ofMillis(50);

    private final ConsumerFactory<String, ByteBuffer> consumers;
    private final BatchProjector projector;
    private final EventDecoder decoder;
    private final OffsetStore offsets;
    private final ConsumerProperties properties;
    private final ProjectionMetrics metrics;
    private final String topic;
    private final Queue<FutureTask<?>> betweenBatches = new ConcurrentLinkedQueue<>();
    private final List<Loop> loops = new ArrayList<>();
    private volatile boolean running;

    EventConsumer(ConsumerFactory<String, ByteBuffer> consumers, BatchProjector projector, EventDecoder decoder,
                  OffsetStore offsets, ConsumerProperties properties, ProjectionMetrics metrics,
                  TopicProperties topic) {
        this.consumers = consumers;
        this.projector = projector;
        this.decoder = decoder;
        this.offsets = offsets;
        this.properties = properties;
        this.metrics = metrics;
        this.topic = topic.name();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.threads(); i++) {
            var loop = new Loop(i == 0);
            loops.add(loop);
            loop.thread = new Thread(loop::run, "projection-consumer-" + i);
            loop.thread.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        loops.forEach(Loop::wakeup);
        Threads.joinAll(loops.stream().map(loop -> loop.thread).toList(), Duration.ofSeconds(10));
        loops.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Runs work on the first loop's thread between two of its batches. */
    public <T> Future<T> runBetweenBatches(Callable<T> work) {
        var task = new FutureTask<>(work);
        betweenBatches.add(task);
        return task;
    }

    /** One consumer of the group on its own thread, with its own batch. */
    private final class Loop {

        private final boolean runsTasks;
        private Thread thread;
        private volatile Consumer<String, ByteBuffer> consumer;
        /** Touched only by this loop's thread (the poll loop and the rebalance callbacks it runs). */
        private Batch batch = new Batch();
        /** Per assigned partition, the next offset after what is written; likewise this thread's alone. */
        private final Map<TopicPartition, Long> written = new HashMap<>();

        Loop(boolean runsTasks) {
            this.runsTasks = runsTasks;
        }

        void wakeup() {
            var current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        void run() {
            while (running) {
                var c = consumers.createConsumer();
                consumer = c;
                try {
                    c.subscribe(List.of(topic), new SeekToStoredOffsets(c));
                    pollBatches(c);
                } catch (WakeupException e) {
                    // stopping
                } catch (FencedBatchException e) {
                    log.warn("{}; reading again from the stored offsets", e.getMessage());
                } catch (RuntimeException | Error e) {
                    FatalErrors.stopIfFatal(e);
                    // An Error too: a loop that ended on one left its partitions to the others, or to nobody.
                    log.error("Projection batch failed; rewinding to the stored offsets and retrying", e);
                    metrics.batchFailed(e);
                    Threads.sleep(properties.retryBackoff().toMillis());
                } finally {
                    // Whatever was not written is read again from the stored offsets.
                    batch = new Batch();
                    c.close();
                }
            }
        }

        private void pollBatches(Consumer<String, ByteBuffer> c) {
            while (running) {
                var wait = batch.isEmpty() ? Duration.ofMillis(500) : min(CAUGHT_UP_RECHECK,
                        properties.maxDelay().minusNanos(batch.ageNanos()));
                for (var record : c.poll(wait.isNegative() ? Duration.ZERO : wait)) {
                    if (batch.isEmpty()) {
                        batch = new Batch();
                    }
                    batch.add(record, decoder);
                }
                metrics.polled(c, written);
                if (runsTasks) {
                    runQueuedTasks();
                }
                var due = !batch.isEmpty() && (batch.size() >= properties.batchSize()
                        || batch.ageNanos() >= properties.maxDelay().toNanos() || caughtUp(c));
                if (due) {
                    flush();
                }
            }
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        /**
         * Nothing more to wait for: the last fetch of every assigned partition reached its end. A projector
         * that keeps up writes what it has at once (its batches hold what arrived during the previous write);
         * one that is behind fills its batches.
         */
        private static boolean caughtUp(Consumer<?, ?> c) {
            for (var partition : c.assignment()) {
                var lag = c.currentLag(partition);
                if (lag.isEmpty() || lag.getAsLong() > 0) {
                    return false;
                }
            }
            return true;
        }

        private void flush() {
            if (!batch.isEmpty()) {
                long started = System.nanoTime();
                projector.project(properties.consumerName(), batch);
                metrics.batchWritten(batch, System.nanoTime() - started);
                written.putAll(batch.nextOffsets());
                batch = new Batch();
            }
        }

        private void runQueuedTasks() {
            if (!betweenBatches.isEmpty()) {
                flush();
                for (var task = betweenBatches.poll(); task != null; task = betweenBatches.poll()) {
                    task.run();
                }
            }
        }

        private final class SeekToStoredOffsets implements ConsumerRebalanceListener {

            private final Consumer<String, ByteBuffer> c;

            SeekToStoredOffsets(Consumer<String, ByteBuffer> c) {
                this.c = c;
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                offsets.register(properties.consumerName(), partitions);
                var stored = offsets.load(properties.consumerName(), partitions);
                for (var partition : partitions) {
                    var offset = stored.get(partition);
                    if (offset != null) {
                        c.seek(partition, offset);
                        written.put(partition, offset);
                    } else {
                        c.seekToBeginning(List.of(partition));
                    }
                }
                log.info("Assigned {} at stored offsets {}", partitions, stored);
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Write what we hold before another loop or instance takes these partitions over.
                try {
                    flush();
                } catch (RuntimeException e) {
                    log.warn("Could not write the batch before giving up partitions; it will be read again", e);
                    batch = new Batch();
                }
                partitions.forEach(written::remove);
                metrics.revoked(partitions);
            }
        }
    }
}
