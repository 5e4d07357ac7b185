package io.eventfold.bench;

import java.util.Arrays;
import java.util.List;

/** Latencies recorded by one thread; merged and summarized once the run is over. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    int count() {
        return count;
    }

    static Measured.Throughput summarize(String approach, Iterable<Latencies> parts, long elapsedNanos) {
        int total = 0;
        for (var part : parts) {
            total += part.count;
        }
        var all = new long[total];
        int at = 0;
        for (var part : parts) {
            System.arraycopy(part.nanos, 0, all, at, part.count);
            at += part.count;
        }
        Arrays.sort(all);
        return new Measured.Throughput(approach, total, total * 1e9 / elapsedNanos, percentile(all, 0.50),
                percentile(all, 0.99));
    }

    static Measured.Throughput summarize(String approach, long[] nanos, long elapsedNanos) {
        var part = new Latencies();
        part.nanos = nanos.clone();
        part.count = nanos.length;
        return summarize(approach, List.of(part), elapsedNanos);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.floor(p * sorted.length));
        return sorted.length == 0 ? 0 : sorted[index] / 1e6;
    }
}
