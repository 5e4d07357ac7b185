package io.eventfold.projection.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.SavepointManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one batch to every projection and records the consumed offsets, all in one transaction. A
 * generation being rebuilt is written here too, but only on the partitions its rebuild has already reached:
 * from then on the live stream keeps it current, so it can take over without a gap. A batch the database
 * refuses for what it holds is written again narrowed ({@link Narrowing}): only the refused events are parked.
 * Sealed events are opened inside the transaction ({@link Unsealing}), with the keys as they are then.
 */
@Component
public class BatchProjector {

    private static final Logger log = LoggerFactory.getLogger(BatchProjector.class);

    private final List<Projection> projections;
    private final OffsetStore offsets;
    private final DeadLetterStore deadLetters;
    private final GenerationStore generations;
    private final TransactionTemplate transaction;
    private final Unsealing unsealing;

    BatchProjector(List<Projection> projections, OffsetStore offsets, DeadLetterStore deadLetters,
                   GenerationStore generations, TransactionTemplate transaction, Unsealing unsealing) {
        this.projections = projections;
        this.unsealing = unsealing;
        this.offsets = offsets;
        this.deadLetters = deadLetters;
        this.generations = generations;
        this.transaction = transaction;
        projections.forEach(generations::register);
    }

    /**
     * Commits only if no other writer (a zombie instance that lost these partitions, or the new owner that took
     * them) stored offsets past where this batch starts; otherwise {@link FencedBatchException}, and nothing of
     * the batch is written. Every writer of a partition takes its offset row's lock first, so they take turns.
     */
    void project(String consumer, Batch batch) {
        write(careful -> {
            var active = generations.lockActive();
            fence(consumer, batch);
            batch.open(unsealing);
            for (var generation : active) {
                applyLive(generation, batch, careful);
            }
            offsets.save(consumer, batch);
            return true;
        });
    }

    private void fence(String consumer, Batch batch) {
        var stored = offsets.lock(consumer, batch.progress().keySet());
        if (stored.size() < batch.progress().size()) {
            // A partition without a row yet has nothing to lock: make its row (another writer's insert of it
            // makes this one wait), then lock it like the others.
            var missing = new HashSet<>(batch.progress().keySet());
            missing.removeAll(stored.keySet());
            offsets.register(consumer, missing);
            stored.putAll(offsets.lock(consumer, missing));
        }
        batch.progress().forEach((partition, read) -> {
            var next = stored.get(partition);
            if (next != null && next > read.firstOffset()) {
                throw new FencedBatchException(partition, read.firstOffset(), next);
            }
        });
    }

    private void applyLive(GenerationStore.Active active, Batch batch, SavepointManager careful) {
        var row = active.row();
        var projection = find(row.generation().projection());
        if (projection == null) {
            return;
        }
        if (row.state() == GenerationStore.State.LIVE) {
            apply(projection, row.generation(), batch.events(), active.anyParked(), careful);
        } else {
            applyJoined(projection, row.generation(), batch, careful);
        }
    }

    /**
     * Runs the work in a transaction; if the database refused what the batch holds, once more in a new one with
     * savepoints to narrow it down with ({@code careful}, null the first time).
     */
    private <T> T write(Function<SavepointManager, T> work) {
        try {
            return transaction.execute(status -> work.apply(null));
        } catch (RuntimeException refused) {
            if (!WriteFailures.mayBeTheEvents(refused)) {
                throw refused;
            }
            log.warn("The database refused a batch; writing it again conference by conference", refused);
            return transaction.execute(work::apply);
        }
    }

    private void applyJoined(Projection projection, Generation generation, Batch batch, SavepointManager careful) {
        var stored = offsets.lock(generation.offsetsName(), batch.progress().keySet());
        var joined = new HashMap<TopicPartition, Long>();
        stored.forEach((partition, next) -> {
            if (next >= batch.progress().get(partition).firstOffset()) {
                joined.put(partition, next);
            }
        });
        // Asked again under the offsets lock: a rebuild batch may have parked letters since the generation lock.
        apply(projection, generation, batch.eventsFrom(joined), true, careful);
        var advanced = new HashMap<>(batch.nextOffsets());
        advanced.keySet().retainAll(joined.keySet());
        offsets.advance(generation.offsetsName(), advanced);
    }

    /** The rebuild's own batch: only events its generation has not seen yet (the live stream may have). */
    public boolean rebuild(Projection projection, Generation generation, Batch batch) {
        return write(careful -> {
            if (!generations.lockBuilding(generation)) {
                return false;
            }
            var stored = new HashMap<>(offsets.lock(generation.offsetsName(), batch.progress().keySet()));
            batch.progress().keySet().forEach(p -> stored.putIfAbsent(p, 0L));
            batch.open(unsealing);
            apply(projection, generation, batch.eventsFrom(stored), true, careful);
            offsets.advance(generation.offsetsName(), batch.nextOffsets());
            return true;
        });
    }

    /**
     * {@code anyParked}: whether the generation may hold conferences back; false saves asking which.
     * {@code careful}: savepoints to narrow the batch down with, or null to write it whole.
     */
    private void apply(Projection projection, Generation generation, List<EventEnvelope> events, boolean anyParked,
                       SavepointManager careful) {
        if (events.isEmpty()) {
            return;
        }
        var parking = new Parking(generation, anyParked ? deadLetters.blocked(generation,
                events.stream().map(EventEnvelope::conferenceId).distinct().toList()) : Set.of());
        if (careful == null) {
            projection.apply(events, parking, generation);
        } else {
            Narrowing.apply(projection, generation, events, parking, careful);
        }
        deadLetters.save(parking.parked());
    }

    Projection find(String name) {
        for (var projection : projections) {
            if (projection.name().equals(name)) {
                return projection;
            }
        }
        return null;
    }
}
