package io.eventfold.bench;

import java.util.Map;

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

    /**
     * What one unit of a run's work ({@code unit}: 1,000 events, a registration) cost in CPU milliseconds, per
     * process, and of a JVM's the part its JIT compilers took; {@code ceiling}: what {@code cores} fully busy
     * allow at that cost, in {@code rate} (events/s).
     */
    public record Cpu(String run, String unit, Map<String, Double> millisPerUnit,
                      Map<String, Double> jitMillisPerUnit, double totalMillis, int cores, double ceiling,
                      String rate) {
    }
}
