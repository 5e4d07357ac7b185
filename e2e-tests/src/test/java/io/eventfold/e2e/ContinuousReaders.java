package io.eventfold.e2e;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.infra.HttpJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients reading dashboards and counts by status without pause. A failed read is any answer but 200, a
 * dashboard that was visible and is gone, one older than already seen (a read going back in time), or
 * counts that add up to nothing once there were conferences. Under a fault, readers may be told to accept
 * that the query API is unavailable (a 503 or no connection), and only that.
 */
final class ContinuousReaders {

    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<String> slow = new CopyOnWriteArrayList<>();
    private static final long SLOW_NANOS = 50_000_000;

    private final AtomicInteger unavailable = new AtomicInteger();
    private final boolean tolerateUnavailable;

    ContinuousReaders(EventFoldSystem system, List<String> conferences, int readers) {
        this(system, conferences, readers, false);
    }

    ContinuousReaders(EventFoldSystem system, List<String> conferences, int readers, boolean tolerateUnavailable) {
        this.tolerateUnavailable = tolerateUnavailable;
        for (int r = 0; r < readers; r++) {
            int first = r;
            var thread = new Thread(() -> {
                for (int i = first; reading.get(); i++) {
                    var id = conferences.get(i % conferences.size());
                    timed(() -> readDashboard(queries(system), id));
                    if (i % 10 == 0) {
                        timed(() -> readCounts(queries(system)));
                    }
                }
            }, "reader-" + r);
            thread.start();
            threads.add(thread);
        }
    }

    /** Asked each time: a restarted query API listens on a port of its own (none while it starts). */
    private static HttpJson queries(EventFoldSystem system) {
        return Tokens.organizer(system.url(Service.QUERY), Duration.ofSeconds(30));
    }

    private void timed(Runnable read) {
        long started = System.nanoTime();
        var at = Instant.now();
        try {
            read.run();
        } catch (RuntimeException noAnswer) {
            unavailable(noAnswer.toString());
            return;
        }
        long took = System.nanoTime() - started;
        slowestNanos.accumulateAndGet(took, Math::max);
        if (took > SLOW_NANOS) {
            slow.add(at + " took " + took / 1_000_000 + " ms");
        }
        reads.incrementAndGet();
    }

    private void readDashboard(HttpJson queries, String id) {
        // What was seen before this request was sent: its answer may not be older than that.
        var before = seen.get(id);
        var response = queries.get("/api/events/" + id + "/dashboard");
        if (response.status() == 404 && before == null) {
            return;
        }
        if (response.status() == 503) {
            unavailable("dashboard " + id + ": " + response);
            return;
        }
        if (response.status() != 200) {
            failures.add("dashboard " + id + ": " + response);
            return;
        }
        long version = response.json().get("version").asLong();
        if (before != null && version < before) {
            failures.add("dashboard " + id + " went back from version " + before + " to " + version);
        }
        seen.merge(id, version, Math::max);
    }

    private void readCounts(HttpJson queries) {
        var response = queries.get("/api/events/stats/by-status");
        if (response.status() == 503) {
            unavailable("counts: " + response);
            return;
        }
        if (response.status() != 200) {
            failures.add("counts: " + response);
            return;
        }
        long total = response.json().valueStream().mapToLong(n -> n.get("count").asLong()).sum();
        if (total == 0 && !seen.isEmpty()) {
            failures.add("counts are empty: " + response.body());
        }
    }

    /** A client that is told to come back does so a moment later, not in a tight loop. */
    private void unavailable(String what) {
        unavailable.incrementAndGet();
        if (!tolerateUnavailable) {
            failures.add(what);
        }
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int unavailableReads() {
        return unavailable.get();
    }

    int reads() {
        return reads.get();
    }

    List<String> failures() {
        return failures;
    }

    /** Reads over 50 ms, with when they started: to be set beside the projector's log of the switch. */
    List<String> slowReads() {
        return slow;
    }

    double slowestMillis() {
        return slowestNanos.get() / 1e6;
    }

    void stop() throws InterruptedException {
        reading.set(false);
        for (var thread : threads) {
            thread.join();
        }
    }
}
