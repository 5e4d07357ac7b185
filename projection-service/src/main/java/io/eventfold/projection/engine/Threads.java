package io.eventfold.projection.engine;

import java.time.Duration;
import java.util.Collection;

/** The poll loops' and rebuild workers' own threads: stopping them and pausing them, interrupts kept. */
public final class Threads {

    private Threads() {
    }

    /** Waits for each thread to end, at most {@code each} per thread; an interrupt ends the waiting. */
    public static void joinAll(Collection<Thread> threads, Duration each) {
        for (var thread : threads) {
            try {
                thread.join(each.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
