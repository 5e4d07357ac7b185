package io.eventfold.projection.engine;

import java.time.Duration;

/**
 * Events per second over the last window: what a progress bar, an ETA and the metrics should show. Goes to
 * zero when nothing was recorded for a whole window, instead of repeating the last busy figure.
 */
public final class Throughput {

    private final long windowNanos;
    private long windowStart = System.nanoTime();
    private long windowCount;
    private long lastRecord;
    private double rate;

    public Throughput(Duration window) {
        this.windowNanos = window.toNanos();
    }

    public synchronized double record(long count) {
        long now = System.nanoTime();
        windowCount += count;
        lastRecord = now;
        long elapsed = now - windowStart;
        if (elapsed >= windowNanos || rate == 0 && elapsed >= windowNanos / 10) {
            rate = windowCount * 1e9 / elapsed;
            if (elapsed >= windowNanos) {
                windowStart = now;
                windowCount = 0;
            }
        }
        return rate;
    }

    synchronized double rate() {
        return System.nanoTime() - lastRecord > windowNanos ? 0 : rate;
    }
}
