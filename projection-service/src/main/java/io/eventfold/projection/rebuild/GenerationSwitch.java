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
import java.util.function.BiPredicate;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a generation in the database: created empty beside the live one, verified and switched in
 * atomically (or discarded), retired but kept for a rollback, then dropped. Each step is one transaction that
 * first locks the projection's generation rows, which every batch reads under a share lock: a step waits for
 * running batches, and the next batch sees it.
 */
@Component
class GenerationSwitch {

    private static final Logger log = LoggerFactory.getLogger(GenerationSwitch.class);
    /** Longest the switch may hold readers back; past it, it lets them go and tries again. */
    static final Duration READER_PAUSE = Duration.ofMillis(50);

    /**
     * SWITCHED also stands for done (rolled back, dropped); MISMATCH: not switched, its rows differ. AHEAD: to
     * be compared, the new generation waits for the live stream, which writes it too from now on (it is at or
     * past the live positions everywhere), so its rebuild may stop reading.
     */
    enum Outcome { SWITCHED, NOT_YET, AHEAD, GONE, MISMATCH }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final GenerationStore generations;
    private final OffsetStore offsets;
    private final GenerationComparison comparison;
    private final boolean verifying;
    private final String liveConsumer;

    GenerationSwitch(JdbcTemplate jdbc, TransactionTemplate transaction, GenerationStore generations,
                     OffsetStore offsets, GenerationComparison comparison, ConsumerProperties consumer,
                     RebuildProperties rebuilds) {
        this.comparison = comparison;
        this.verifying = rebuilds.verify();
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
     * Switches to {@code next} once it has applied what the live generation has: the views the query API reads
     * then select from its tables, all in one transaction, and the live generation is retired but kept (see
     * {@link #promote}). Unless {@code force}d, a generation of the live one's version must first hold the
     * same rows at the same positions, or it stays where it is, {@link Outcome#MISMATCH} recorded.
     */
    Outcome trySwitch(Projection projection, Generation next, Collection<TopicPartition> partitions,
                      boolean force) {
        var outcome = attempt("Switch to " + next, status -> switchIfVerified(projection, next, partitions, force));
        if (outcome == Outcome.SWITCHED) {
            log.info("Switched {} to generation {}{}", projection.name(), next.number(), force ? ", forced" : "");
        }
        return outcome;
    }

    private Outcome switchIfVerified(Projection projection, Generation next, Collection<TopicPartition> partitions,
                                     boolean force) {
        var rows = generations.of(projection.name(), true);
        var building = rows.stream().filter(r -> r.generation().equals(next) && r.state() == State.BUILDING)
                .findFirst();
        if (building.isEmpty()) {
            return Outcome.GONE;
        }
        var live = rows.stream().filter(r -> r.state() == State.LIVE).findFirst().orElseThrow();
        // The same fold must give the same rows; a new version is meant to differ.
        boolean verify = verifying && !force && building.get().version() == live.version();
        var mine = offsets.lock(next.offsetsName(), partitions);
        var applied = offsets.load(liveConsumer, partitions);
        if (any(partitions, applied, mine, (theirs, ours) -> theirs > ours)) {
            return Outcome.NOT_YET;
        }
        // Compared only at the very same positions, where the live stream (held by the lock) left both.
        if (verify && any(partitions, applied, mine, (theirs, ours) -> theirs < ours)) {
            return Outcome.AHEAD;
        }
        if (verify) {
            var differences = comparison.differences(projection, live.generation(), next);
            if (differences.isPresent()) {
                jdbc.update("update projection_generation set mismatch = ? where projection = ? and generation = ?",
                        differences.get(), next.projection(), next.number());
                log.warn("Not switching {} to generation {}: its rows differ from the live generation's ({})",
                        projection.name(), next.number(), differences.get());
                return Outcome.MISMATCH;
            }
        }
        promote(projection, live.generation(), next, partitions);
        jdbc.update("update projection_generation set records = ? where projection = ? and generation = ?",
                mine.values().stream().mapToLong(Long::longValue).sum(), next.projection(), next.number());
        return Outcome.SWITCHED;
    }

    /**
     * Switches back to the newest retired generation still kept; the live one is retired and kept in its turn.
     * 409 while a rebuild is running or when none is kept.
     */
    Outcome rollBack(Projection projection, Collection<TopicPartition> partitions) {
        var name = projection.name();
        return attempt("Rollback of " + name, status -> {
            var rows = generations.of(name, true);
            rows.stream().filter(r -> r.state() == State.BUILDING).findFirst().ifPresent(r -> {
                throw new SwitchRefusedException("Rebuild running", "Generation " + r.generation().number()
                        + " of " + name + " is being built; cancel it before rolling back");
            });
            var live = rows.stream().filter(r -> r.state() == State.LIVE).findFirst().orElseThrow().generation();
            var kept = kept(name).orElseThrow(() -> new SwitchRefusedException("Nothing to roll back to",
                    "No retired generation of " + name + " is kept (they are dropped after the retention)"));
            if (any(partitions, offsets.load(liveConsumer, partitions), offsets.lock(kept.offsetsName(), partitions),
                    (theirs, ours) -> theirs > ours)) {
                return Outcome.NOT_YET;
            }
            promote(projection, live, kept, partitions);
            log.info("Rolled {} back from generation {} to generation {}", name, live.number(), kept.number());
            return Outcome.SWITCHED;
        });
    }

    /** The retired generation a rollback would switch to, if its tables are still kept. */
    Optional<Generation> kept(String projection) {
        return jdbc.query("""
                        select generation from projection_generation
                        where projection = ? and state = 'RETIRED' and dropped_at is null
                        order by retired_at desc limit 1""", (rs, n) -> new Generation(projection, rs.getInt(1)),
                projection).stream().findFirst();
    }

    /** Why a generation was not switched in by itself, if its rows differed from the live one's. */
    Optional<String> mismatch(Generation generation) {
        return jdbc.queryForList("select mismatch from projection_generation where projection = ? and generation = ?",
                String.class, generation.projection(), generation.number()).stream().filter(m -> m != null)
                .findFirst();
    }

    /** Whether {@code test} holds for the live stream's and the other generation's position of any partition. */
    private static boolean any(Collection<TopicPartition> partitions, Map<TopicPartition, Long> live,
                               Map<TopicPartition, Long> other, BiPredicate<Long, Long> test) {
        return partitions.stream().anyMatch(p -> test.test(live.getOrDefault(p, 0L), other.getOrDefault(p, 0L)));
    }

    /**
     * {@code to} becomes live and {@code from} retired; the views change over in the same transaction. The live
     * stream keeps writing {@code from} from the positions it has now (stored under its own name), so that a
     * rollback finds it current, until {@link #dropRetired} drops it.
     */
    private void promote(Projection projection, Generation from, Generation to,
                         Collection<TopicPartition> partitions) {
        var applied = new HashMap<>(zeros(List.copyOf(partitions)));
        applied.putAll(offsets.load(liveConsumer, partitions));
        jdbc.update("update projection_generation set state = 'RETIRED', retired_at = now() "
                + "where projection = ? and generation = ?", from.projection(), from.number());
        jdbc.update("update projection_generation set state = 'LIVE', switched_at = now(), retired_at = null "
                + "where projection = ? and generation = ?", to.projection(), to.number());
        offsets.delete(to.offsetsName());
        offsets.advance(from.offsetsName(), applied);
        // Readers queue behind the view change; past the timeout the change gives way and is tried again.
        holdReadersAtMost();
        for (var table : projection.definition().publishedTables()) {
            jdbc.execute("create or replace view %s as select * from %s".formatted(table, to.table(table)));
        }
    }

    /** Drops a retired generation's tables, positions and letters; false if it is gone or readers held it. */
    boolean dropRetired(Projection projection, Generation retired) {
        return attempt("Dropping " + retired, status -> {
            generations.of(projection.name(), true);
            if (jdbc.update("update projection_generation set dropped_at = now() where projection = ? "
                    + "and generation = ? and state = 'RETIRED' and dropped_at is null", retired.projection(),
                    retired.number()) == 0) {
                return Outcome.GONE;
            }
            offsets.delete(retired.offsetsName());
            deleteDeadLetters(retired);
            holdReadersAtMost();
            dropTables(projection, retired);
            log.info("Dropped {}: its retention is over, or a later switch retired another", retired);
            return Outcome.SWITCHED;
        }) == Outcome.SWITCHED;
    }

    private void holdReadersAtMost() {
        jdbc.execute("set local lock_timeout = " + READER_PAUSE.toMillis());
    }

    /** One step in a transaction of its own; NOT_YET if it gave way to readers, to be tried again. */
    private Outcome attempt(String what, TransactionCallback<Outcome> step) {
        try {
            return transaction.execute(step);
        } catch (PessimisticLockingFailureException readersTooLong) {
            log.info("{} gave way to readers after {} ms; trying again", what, READER_PAUSE.toMillis());
            return Outcome.NOT_YET;
        }
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
