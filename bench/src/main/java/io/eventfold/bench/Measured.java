package io.eventfold.bench;

/** What the benchmarks measure, as they are reported. */
public final class Measured {

    private Measured() {
    }

    /** {@code events} of {@code available} applied in {@code nanos}. */
    public record Replay(String approach, long events, long available, long nanos) {

        public double eventsPerSecond() {
            return nanos == 0 ? 0 : events * 1e9 / nanos;
        }
    }

    /** Requests (or commands) per second and latency percentiles in milliseconds. */
    public record Throughput(String approach, long requests, double perSecond, double p50Millis,
                             double p99Millis) {
    }
}
