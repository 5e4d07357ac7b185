package io.eventfold.projection.consumer;

import java.time.Duration;
import java.util.Collection;

/** The poll loops' and rebuild workers' own threads: stopping them and pausing them, interrupts kept. */
final class Threads {

    private Threads() {
    }

    /** Waits for each thread to end, at most {@code each} per thread; an interrupt ends the waiting. */
    static void joinAll(Collection<Thread> threads, Duration each) {
        for (var thread : threads) {
            try {
                thread.join(each.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
