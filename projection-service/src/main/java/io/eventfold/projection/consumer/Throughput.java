package io.eventfold.projection.consumer;

/** Events per second over the last few seconds: what a progress bar and an ETA should be based on. */
final class Throughput {

    private static final long WINDOW_NANOS = 3_000_000_000L;

    private long windowStart = System.nanoTime();
    private long windowCount;
    private double rate;

    synchronized double record(long count) {
        windowCount += count;
        long now = System.nanoTime();
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS || rate == 0 && elapsed >= WINDOW_NANOS / 10) {
            rate = windowCount * 1e9 / elapsed;
            if (elapsed >= WINDOW_NANOS) {
                windowStart = now;
                windowCount = 0;
            }
        }
        return rate;
    }
}
