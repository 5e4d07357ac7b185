package io.eventfold.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Concurrent clients, each repeating one request for a while; a warm-up first, not counted. */
final class LoadClients {

    /** One client's request; returns whether it succeeded. Closed when its client is done. */
    interface Request extends AutoCloseable {
        boolean send();

        @Override
        default void close() {
        }
    }

    private LoadClients() {
    }

    /** What a run measured, with its latencies, so that rounds of the same load can be summarized together. */
    record Run(Measured.Throughput result, List<Latencies> parts, long elapsedNanos) {

        static Measured.Throughput together(String approach, List<Run> rounds) {
            var parts = rounds.stream().flatMap(round -> round.parts().stream()).toList();
            return Latencies.summarize(approach, parts, rounds.stream().mapToLong(Run::elapsedNanos).sum());
        }
    }

    /** Told when the measured time begins and when it ends (after the warm-up, before the clients stop). */
    interface Window {
        void opened();

        void closed();
    }

    static Measured.Throughput run(String approach, int clients, Duration warmUp, Duration duration,
                                   Supplier<Request> client) {
        return measure(approach, clients, warmUp, duration, client, null).result();
    }

    /** As {@link #run}; {@code window}, if not null, is told on this thread when measuring starts and ends. */
    static Run measure(String approach, int clients, Duration warmUp, Duration duration, Supplier<Request> client,
                       Window window) {
        var parts = new ArrayList<Latencies>();
        var threads = new ArrayList<Thread>();
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + duration.toNanos();
        var failures = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            var latencies = new Latencies();
            parts.add(latencies);
            var request = client.get();
            var thread = new Thread(() -> {
                try (request) {
                    repeat(request, start, end, latencies, failures);
                }
            });
            threads.add(thread);
            thread.start();
        }
        if (window != null) {
            sleepUntil(start);
            window.opened();
            sleepUntil(end);
            window.closed();
        }
        join(threads);
        if (failures.get() > 0) {
            throw new IllegalStateException(approach + ": " + failures.get() + " requests failed");
        }
        return new Run(Latencies.summarize(approach, parts, end - start), parts, end - start);
    }

    private static void sleepUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void repeat(Request request, long start, long end, Latencies latencies, AtomicLong failures) {
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            boolean ok = request.send();
            long took = System.nanoTime() - now;
            if (now >= start) {
                latencies.add(took);
                if (!ok) {
                    failures.incrementAndGet();
                }
            }
        }
    }

    /** Shuts the pool down and waits until every task it was given has run. */
    static void drain(ExecutorService pool) {
        pool.shutdown();
        try {
            pool.awaitTermination(365, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void join(List<Thread> threads) {
        for (var thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
