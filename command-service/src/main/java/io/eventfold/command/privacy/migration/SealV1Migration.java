package io.eventfold.command.privacy.migration;

import io.eventfold.command.conference.People;
import io.eventfold.command.privacy.migration.Resealing.Rewritten;
import io.eventfold.command.privacy.migration.SealV1Status.State;
import io.eventfold.privacy.PersonKey;
import io.eventfold.privacy.PersonKeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites every stored event of an older version of a personal event as its current, sealed version, in pages of
 * ascending position, each page one transaction that also moves the checkpoint: killed, it resumes after the last
 * committed page; run again when done, it finds nothing. Identifier, conference, sequence, time and metadata of
 * each event stay as they were: only payload and wire name change.
 */
final class SealV1Migration implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SealV1Migration.class);
    /** Passes over the store: a later one only for events an older instance stored behind the checkpoint. */
    private static final int PASSES = 3;
    /** Positions read again for forgettings on every page; far more than are drawn while a writer may wait. */
    private static final long RESCAN = 10_000;

    private final DataSource dataSource;
    private final PersonKeys keys;
    private final Resealing resealing;
    private final SealV1Store store;
    private final int pageSize;
    private final People people;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "seal-v1");
        thread.setDaemon(true);
        return thread;
    });
    /** Whom a forgetting stored so far forgot, and at which position; read on from {@link #forgettingsRead}. */
    private final Map<String, Long> forgotten = new HashMap<>();
    private long forgettingsRead;
    /** The conferences told of a forgetting by this instance, as (conference, person). */
    private final Set<List<String>> told = new HashSet<>();
    private volatile Run run;

    /** This instance's run: when it began, what it has rewritten, and whether it is still going. */
    private record Run(long startNanos, long rewritten, long endNanos) {

        Run plus(long rows) {
            return new Run(startNanos, rewritten + rows, endNanos);
        }

        Double perSecond() {
            long end = endNanos == 0 ? System.nanoTime() : endNanos;
            return end == startNanos ? null : rewritten * 1e9 / (end - startNanos);
        }
    }

    SealV1Migration(DataSource dataSource, PersonKeys keys, Resealing resealing, int pageSize, People people,
                    Clock clock) {
        this.dataSource = dataSource;
        this.people = people;
        this.clock = clock;
        this.keys = keys;
        this.resealing = resealing;
        this.store = new SealV1Store(resealing.olderNames(), SealV1Config.FORGOTTEN);
        this.pageSize = pageSize;
    }

    /** Starts the migration, or resumes it where the last committed page left it; running already, nothing. */
    synchronized SealV1Status start(String operator) {
        if (run == null || run.endNanos() != 0) {
            run = new Run(System.nanoTime(), 0, 0);
            log.info("Sealing of version 1 personal events started by {}", operator);
            runner.execute(this::runToEnd);
        }
        return status();
    }

    SealV1Status status() {
        var current = run;
        var running = current != null && current.endNanos() == 0;
        return inTransaction(connection -> {
            var checkpoint = store.read(connection);
            long remaining = store.remaining(connection);
            var state = running ? State.RUNNING : checkpoint.error() != null ? State.FAILED
                    : checkpoint.finishedAt() != null && remaining == 0 ? State.DONE : State.IDLE;
            return SealV1Status.of(state, checkpoint, remaining, current == null ? null : current.perSecond());
        });
    }

    private void runToEnd() {
        try {
            inTransaction(connection -> {
                store.started(connection);
                return null;
            });
            for (int pass = 1; pass <= PASSES; pass++) {
                while (sealPage().read() > 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        log.info("Sealing of version 1 personal events stopped; start resumes it");
                        return;
                    }
                }
                if (inTransaction(store::remaining) == 0) {
                    inTransaction(connection -> {
                        store.finished(connection);
                        return null;
                    });
                    log.info("Sealing of version 1 personal events done: {} this run", run.rewritten());
                    return;
                }
                inTransaction(connection -> {
                    store.rewind(connection);
                    return null;
                });
            }
            fail("Version 1 events keep appearing behind the checkpoint: is a command-service of an older "
                    + "version still storing events?");
        } catch (RuntimeException e) {
            fail("Sealing stopped after the checkpoint's last page: " + SafeCause.of(e));
        } finally {
            synchronized (this) {
                run = new Run(run.startNanos(), run.rewritten(), System.nanoTime());
            }
        }
    }

    /** A page: the events it read after the checkpoint, and how many of them it changed. */
    record Page(int read, int changed) {
    }

    /**
     * One page in one transaction: the checkpoint locked, the next events read, their people's keys made or
     * found (one statement per conference), the events rewritten in one statement, the checkpoint moved on.
     */
    Page sealPage() {
        Page page;
        synchronized (forgotten) {
            tellForgotten();
            page = inTransaction(this::sealPage);
        }
        synchronized (this) {
            if (run != null && run.endNanos() == 0) {
                run = run.plus(page.changed());
            }
        }
        return page;
    }

    private Page sealPage(Connection connection) throws SQLException {
        var checkpoint = store.lock(connection);
        var rows = store.page(connection, checkpoint.lastGlobalIndex(), pageSize);
        if (rows.isEmpty()) {
            return new Page(0, 0);
        }
        var events = rows.stream().map(resealing::read).toList();
        var people = new LinkedHashMap<String, Set<String>>();
        for (int i = 0; i < rows.size(); i++) {
            if (!forgottenAfter(events.get(i).userId(), rows.get(i).globalIndex())) {
                people.computeIfAbsent(rows.get(i).conferenceId(), c -> new LinkedHashSet<>())
                        .add(events.get(i).userId());
            }
        }
        var found = new HashMap<String, Map<String, PersonKey>>();
        for (var conference : people.entrySet()) {
            found.put(conference.getKey(), keys.keysFor(connection, conference.getKey(), conference.getValue()));
        }
        // Read after the keys: a forgetting that deleted a key this page then made anew is seen here.
        readForgettings(connection);
        var rewrites = new ArrayList<Rewritten>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var userId = events.get(i).userId();
            var key = forgottenAfter(userId, row.globalIndex()) ? null : found.get(row.conferenceId()).get(userId);
            rewrites.add(resealing.reseal(row.globalIndex(), events.get(i), key));
        }
        int changed = store.rewrite(connection, rewrites);
        long asForgotten = rewrites.stream().filter(Rewritten::forgotten).count();
        store.advance(connection, rows.get(rows.size() - 1).globalIndex(), changed, asForgotten);
        return new Page(rows.size(), changed);
    }

    /**
     * A person forgotten before their version 1 events are sealed was forgotten only where they had sealed data.
     * The conferences of the next page's events of theirs are told too, before the page commits (killed in
     * between, they are told again: harmless), so those dashboards drop them, and so does a rebuild from the
     * topic, where the version 1 records stay in clear.
     */
    private void tellForgotten() {
        var untold = inTransaction(connection -> {
            readForgettings(connection);
            var pairs = new LinkedHashSet<List<String>>();
            if (!forgotten.isEmpty()) {
                for (var row : store.page(connection, store.read(connection).lastGlobalIndex(), pageSize)) {
                    var pair = List.of(row.conferenceId(), resealing.read(row).userId());
                    if (forgottenAfter(pair.get(1), row.globalIndex()) && !told.contains(pair)) {
                        pairs.add(pair);
                    }
                }
            }
            return pairs;
        });
        for (var pair : untold) {
            people.forget(pair.get(0), pair.get(1), clock.instant());
            told.add(pair);
        }
    }

    /** Reads a stretch back each time: a forgetting's position is drawn before it commits, so may commit late. */
    private void readForgettings(Connection connection) throws SQLException {
        forgettingsRead = store.forgettingsAfter(connection, Math.max(0, forgettingsRead - RESCAN), forgotten);
    }

    private boolean forgottenAfter(String userId, long globalIndex) {
        return forgotten.getOrDefault(userId, 0L) > globalIndex;
    }

    private void fail(String error) {
        log.error(error);
        try {
            inTransaction(connection -> {
                store.failed(connection, error);
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Could not record the failure: {}", SafeCause.of(e));
        }
    }

    private interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var result = work.in(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new MigrationException(e);
        }
    }

    /** Stops after the page in progress. */
    @Override
    public void close() {
        runner.shutdownNow();
    }

    static final class MigrationException extends RuntimeException {
        MigrationException(SQLException cause) {
            super(cause);
        }
    }
}
