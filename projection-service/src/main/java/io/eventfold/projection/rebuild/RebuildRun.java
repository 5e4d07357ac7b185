package io.eventfold.projection.rebuild;

import io.eventfold.projection.engine.Batch;
import io.eventfold.projection.engine.BatchProjector;
import io.eventfold.projection.engine.EventDecoder;
import io.eventfold.projection.engine.FatalErrors;
import io.eventfold.projection.engine.Generation;
import io.eventfold.projection.engine.OffsetStore;
import io.eventfold.projection.engine.Projection;
import io.eventfold.projection.engine.Threads;
import io.eventfold.projection.engine.Throughput;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads the whole topic into a new generation of one projection, on threads and consumers of its own
 * (assigned the partitions, outside the consumer group, so the live stream is not disturbed); each of the
 * {@code threads} workers reads its share of the partitions, so that folding and writing overlap as in the
 * live stream. Resumes from the generation's stored positions. A worker that has read its partitions to the
 * end asks {@link Handover} to switch over, which succeeds once every partition has caught up: the live
 * stream keeps the generation current meanwhile (see {@link BatchProjector}). A switch that compares the two
 * generations wants them at the same positions: once the new one is at or past the live one everywhere, the
 * workers stop reading and leave the rest to the live stream.
 */
final class RebuildRun {

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);
    private static final int ATTEMPTS = 3;

    /** What the run asks of its owner: switch when caught up, give up when it cannot go on. */
    interface Handover {

        /** Switched, or not yet (or only the live stream reads on: AHEAD), or over without a switch. */
        GenerationSwitch.Outcome trySwitch(Collection<TopicPartition> partitions);

        void failed(RuntimeException cause);
    }

    public record Progress(long processed, long total, double eventsPerSecond) {
    }

    private final Projection projection;
    private final Generation generation;
    private final Handover handover;
    private final ConsumerFactory<String, ByteBuffer> consumers;
    private final EventDecoder decoder;
    private final BatchProjector projector;
    private final OffsetStore offsets;
    private final RebuildProperties properties;
    private final String topic;
    private final List<Worker> workers;
    /** Switched, given up or stopped: every worker ends, and the handover is not asked again. */
    private final AtomicBoolean over = new AtomicBoolean();
    /** Which partitions each worker reads, set by the first worker to ask. */
    private List<List<TopicPartition>> shares;
    private volatile boolean stopping;
    /** The live stream alone keeps the generation current now: the workers stop reading (see AHEAD). */
    private volatile boolean handedOver;

    RebuildRun(Projection projection, Generation generation, Handover handover,
               ConsumerFactory<String, ByteBuffer> consumers, EventDecoder decoder, BatchProjector projector,
               OffsetStore offsets, RebuildProperties properties, String topic) {
        this.projection = projection;
        this.generation = generation;
        this.handover = handover;
        this.consumers = consumers;
        this.decoder = decoder;
        this.projector = projector;
        this.offsets = offsets;
        this.properties = properties;
        this.topic = topic;
        int threads = Math.max(1, properties.threads());
        this.workers = IntStream.range(0, threads).mapToObj(Worker::new).toList();
    }

    public Generation generation() {
        return generation;
    }

    public Progress progress() {
        long processed = 0;
        long total = 0;
        double rate = 0;
        for (var worker : workers) {
            var p = worker.progress;
            processed += p.processed();
            total += p.total();
            rate += p.eventsPerSecond();
        }
        return new Progress(processed, total, rate);
    }

    public boolean isAlive() {
        return workers.stream().anyMatch(w -> w.thread.isAlive());
    }

    void start() {
        workers.forEach(w -> w.thread.start());
    }

    /** Stops reading (the generation stays as it is, to be resumed or discarded) and waits for the threads. */
    public void stop() {
        stopping = true;
        workers.forEach(Worker::wakeup);
        Threads.joinAll(workers.stream().map(worker -> worker.thread).toList(), Duration.ofSeconds(30));
    }

    /**
     * The partitions of each worker, split once per run by the records each has left to read (from the stored
     * positions of the generation), so that the workers finish together. A worker that restarts after a failure
     * reads the same partitions again.
     */
    private synchronized List<List<TopicPartition>> shares(Consumer<String, ByteBuffer> c,
                                                           List<TopicPartition> all) {
        if (shares == null) {
            var stored = offsets.load(generation.offsetsName(), all);
            var beginnings = c.beginningOffsets(all);
            var remaining = new HashMap<TopicPartition, Long>();
            c.endOffsets(all).forEach((partition, end) -> remaining.put(partition, end - Math.max(
                    beginnings.getOrDefault(partition, 0L), stored.getOrDefault(partition, 0L))));
            shares = PartitionShares.split(remaining, workers.size());
        }
        return shares;
    }

    private boolean ending() {
        return stopping || over.get();
    }

    /**
     * Once every worker has read its partitions to the end: each attempt locks the generation rows that every
     * live batch reads, so a worker that is done early does not try while another is still far behind. Once:
     * the first attempt that succeeds switches; the other workers just end.
     */
    private synchronized boolean trySwitch(Collection<TopicPartition> partitions) {
        if (over.get()) {
            return true;
        }
        if (!workers.stream().allMatch(w -> w.caughtUp)) {
            return false;
        }
        var outcome = handover.trySwitch(partitions);
        if (outcome == GenerationSwitch.Outcome.AHEAD) {
            handedOver = true;
        } else if (ends(outcome)) {
            over.set(true);
            workers.forEach(Worker::wakeup);
        }
        return over.get();
    }

    /** Switched, stopped at MISMATCH, or its generation is gone (cancelled elsewhere): the run is over. */
    static boolean ends(GenerationSwitch.Outcome outcome) {
        return outcome != GenerationSwitch.Outcome.NOT_YET && outcome != GenerationSwitch.Outcome.AHEAD;
    }

    private synchronized void failed(RuntimeException cause) {
        if (over.compareAndSet(false, true)) {
            workers.forEach(Worker::wakeup);
            handover.failed(cause);
        }
    }

    private final class Worker {

        private final int index;
        private final Thread thread;
        private final Throughput throughput = new Throughput(Duration.ofSeconds(3));
        private volatile Consumer<String, ByteBuffer> consumer;
        private volatile Progress progress = new Progress(0, 0, 0);
        /** Has read its partitions to their current end (a worker without partitions always has). */
        private volatile boolean caughtUp;
        /** The workers that have partitions to read (fewer than threads on a topic of few partitions). */
        private int readers = 1;

        Worker(int index) {
            this.index = index;
            this.thread = new Thread(this::run, "rebuild-" + generation.offsetsName().replace('/', '-') + "-" + index);
        }

        void wakeup() {
            var current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        private void run() {
            for (int attempt = 1; !ending(); attempt++) {
                var overrides = new Properties();
                overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.batchSize());
                try (var c = consumers.createConsumer(null, "rebuild", null, overrides)) {
                    consumer = c;
                    if (ending()) {
                        return;
                    }
                    var all = c.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                    var shares = shares(c, all);
                    var mine = shares.get(index);
                    if (mine.isEmpty()) {
                        caughtUp = true;
                        return;
                    }
                    // From the split itself: partitions with nothing left to read may all go to one worker.
                    readers = (int) shares.stream().filter(share -> !share.isEmpty()).count();
                    seekToStored(c, mine);
                    readToTheEndAndSwitch(c, mine, all);
                    return;
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException | Error e) {
                    FatalErrors.stopIfFatal(e);
                    // An Error too: a worker thread that ended on one left its rebuild REBUILDING for good.
                    if (ending()) {
                        return;
                    }
                    if (attempt >= ATTEMPTS) {
                        log.error("Rebuild of {} failed {} times; giving up", generation, attempt, e);
                        failed(e instanceof RuntimeException r ? r : new IllegalStateException(e.toString(), e));
                        return;
                    }
                    log.warn("Rebuild of {} failed; resuming from its stored positions", generation, e);
                    Threads.sleep(properties.retryBackoff().toMillis());
                }
            }
        }

        private void seekToStored(Consumer<String, ByteBuffer> c, List<TopicPartition> partitions) {
            c.assign(partitions);
            var stored = offsets.load(generation.offsetsName(), partitions);
            for (var partition : partitions) {
                var offset = stored.get(partition);
                if (offset != null && offset > 0) {
                    c.seek(partition, offset);
                } else {
                    c.seekToBeginning(List.of(partition));
                }
            }
            boolean fresh = stored.values().stream().allMatch(offset -> offset == 0);
            log.info("Rebuilding {} on partitions {} from {}", generation, partitions.stream()
                    .map(TopicPartition::partition).toList(), fresh ? "the beginning" : "stored positions " + stored);
        }

        private void readToTheEndAndSwitch(Consumer<String, ByteBuffer> c, List<TopicPartition> mine,
                                           List<TopicPartition> all) {
            Map<TopicPartition, Long> ends = c.endOffsets(mine);
            while (!ending()) {
                if (handedOver && c.paused().isEmpty()) {
                    c.pause(mine);
                }
                var records = c.poll(Duration.ofMillis(200));
                var batch = new Batch();
                records.forEach(r -> batch.add(r, decoder, projection::handles));
                if (!batch.isEmpty() && !projector.rebuild(projection, generation, batch)) {
                    if (!over.get()) {
                        log.info("{} is no longer being built; stopping its rebuild", generation);
                    }
                    return;
                }
                boolean drained = records.count() < properties.batchSize();
                if (drained) {
                    ends = c.endOffsets(mine);
                }
                long processed = mine.stream().mapToLong(c::position).sum();
                long total = handedOver ? processed
                        : Math.max(processed, ends.values().stream().mapToLong(Long::longValue).sum());
                progress = new Progress(processed, total, throughput.record(records.count()));
                throttle(records.count());
                caughtUp = drained && processed >= total;
                if (caughtUp && trySwitch(all)) {
                    return;
                }
            }
        }

        /** Keeps the rebuild under the configured rate (the readers' shares), so the live stream is not starved. */
        private void throttle(int records) {
            double maxRate = properties.maxRate() / readers;
            if (maxRate > 0 && records > 0) {
                Threads.sleep((long) (records * 1000 / maxRate));
            }
        }
    }
}
