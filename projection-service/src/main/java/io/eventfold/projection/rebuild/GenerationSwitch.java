package io.eventfold.projection.rebuild;

import io.eventfold.projection.engine.ConsumerProperties;
import io.eventfold.projection.engine.Generation;
import io.eventfold.projection.engine.GenerationStore;
import io.eventfold.projection.engine.GenerationStore.State;
import io.eventfold.projection.engine.OffsetStore;
import io.eventfold.projection.engine.Projection;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a generation in the database: created empty beside the live one, switched in atomically,
 * or discarded. Each step is one transaction that first locks the projection's generation rows, which
 * every batch reads under a share lock: a step waits for running batches, and the next batch sees it.
 */
@Component
class GenerationSwitch {

    private static final Logger log = LoggerFactory.getLogger(GenerationSwitch.class);
    /** Longest the switch may hold readers back; past it, it lets them go and tries again. */
    static final Duration READER_PAUSE = Duration.ofMillis(50);

    enum Outcome { SWITCHED, NOT_YET, GONE }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final GenerationStore generations;
    private final OffsetStore offsets;
    private final String liveConsumer;

    GenerationSwitch(JdbcTemplate jdbc, TransactionTemplate transaction, GenerationStore generations,
                     OffsetStore offsets, ConsumerProperties consumer) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.generations = generations;
        this.offsets = offsets;
        this.liveConsumer = consumer.consumerName();
    }

    /** The next generation, with empty tables shaped like the live generation's and nothing read yet. */
    Generation create(Projection projection, List<TopicPartition> partitions) {
        return transaction.execute(status -> {
            var rows = generations.of(projection.name(), true);
            rows.stream().filter(r -> r.state() == State.BUILDING).findFirst().ifPresent(r -> {
                throw new RebuildConflictException(projection.name(), r.generation().number());
            });
            var live = rows.stream().filter(r -> r.state() == State.LIVE).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No live generation of " + projection.name()));
            var next = new Generation(projection.name(), rows.get(0).generation().number() + 1);
            jdbc.update("insert into projection_generation (projection, generation, version, state) "
                    + "values (?, ?, ?, 'BUILDING')", next.projection(), next.number(),
                    projection.definition().version());
            for (var table : projection.definition().tables()) {
                createLike(next.table(table), live.generation().table(table));
            }
            offsets.advance(next.offsetsName(), zeros(partitions));
            return next;
        });
    }

    /** Columns, indexes, storage and, which {@code like} leaves out, storage parameters such as fillfactor. */
    private void createLike(String table, String like) {
        jdbc.execute("create table %s (like %s including all)".formatted(table, like));
        var parameters = jdbc.queryForObject("select array_to_string(reloptions, ', ') from pg_class "
                + "where oid = ?::regclass", String.class, like);
        if (parameters != null) {
            jdbc.execute("alter table %s set (%s)".formatted(table, parameters));
        }
    }

    /**
     * Switches to {@code next} if it has applied at least everything the live generation has: the views the
     * query API reads now select from its tables, all in one transaction. The previous generation is dropped.
     */
    Outcome trySwitch(Projection projection, Generation next, Collection<TopicPartition> partitions) {
        Optional<Generation> previous;
        try {
            previous = transaction.execute(status -> switchIfCaughtUp(projection, next, partitions));
        } catch (PessimisticLockingFailureException readersTooLong) {
            log.info("Switch to {} gave way to readers after {} ms; trying again", next, READER_PAUSE.toMillis());
            return Outcome.NOT_YET;
        }
        if (previous == null) {
            return Outcome.GONE;
        }
        if (previous.isEmpty()) {
            return Outcome.NOT_YET;
        }
        dropTables(projection, previous.get());
        log.info("Switched {} to generation {}; dropped generation {}", projection.name(), next.number(),
                previous.get().number());
        return Outcome.SWITCHED;
    }

    private Optional<Generation> switchIfCaughtUp(Projection projection, Generation next,
                                                  Collection<TopicPartition> partitions) {
        var rows = generations.of(projection.name(), true);
        if (rows.stream().noneMatch(r -> r.generation().equals(next) && r.state() == State.BUILDING)) {
            return null;
        }
        var mine = offsets.lock(next.offsetsName(), partitions);
        var live = offsets.load(liveConsumer, partitions);
        for (var partition : partitions) {
            if (live.getOrDefault(partition, 0L) > mine.getOrDefault(partition, 0L)) {
                return Optional.empty();
            }
        }
        var previous = rows.stream().filter(r -> r.state() == State.LIVE).findFirst().orElseThrow().generation();
        long records = mine.values().stream().mapToLong(Long::longValue).sum();
        jdbc.update("update projection_generation set state = 'RETIRED' where projection = ? and generation = ?",
                previous.projection(), previous.number());
        jdbc.update("""
                        update projection_generation set state = 'LIVE', switched_at = now(), records = ?
                        where projection = ? and generation = ?""", records, next.projection(), next.number());
        offsets.delete(next.offsetsName());
        deleteDeadLetters(previous);
        // Readers queue behind the view change; past the timeout the change gives way and is tried again.
        jdbc.execute("set local lock_timeout = " + READER_PAUSE.toMillis());
        for (var table : projection.definition().publishedTables()) {
            jdbc.execute("create or replace view %s as select * from %s".formatted(table, next.table(table)));
        }
        return Optional.of(previous);
    }

    /** Removes a generation that is being built: cancelled (no trace) or failed (its row keeps the reason). */
    void discard(Projection projection, Generation building, String failure) {
        transaction.executeWithoutResult(status -> {
            generations.of(projection.name(), true);
            if (failure == null) {
                jdbc.update("delete from projection_generation where projection = ? and generation = ? "
                        + "and state = 'BUILDING'", building.projection(), building.number());
            } else {
                jdbc.update("update projection_generation set state = 'FAILED', error = ? "
                        + "where projection = ? and generation = ? and state = 'BUILDING'", failure,
                        building.projection(), building.number());
            }
            offsets.delete(building.offsetsName());
            deleteDeadLetters(building);
            dropTables(projection, building);
        });
    }

    private void deleteDeadLetters(Generation generation) {
        jdbc.update("delete from dead_letter where projection = ? and generation = ?", generation.projection(),
                generation.number());
    }

    private void dropTables(Projection projection, Generation generation) {
        for (var table : projection.definition().tables()) {
            jdbc.execute("drop table if exists " + generation.table(table));
        }
    }

    private static Map<TopicPartition, Long> zeros(List<TopicPartition> partitions) {
        var zeros = new HashMap<TopicPartition, Long>();
        partitions.forEach(p -> zeros.put(p, 0L));
        return zeros;
    }
}
