package io.eventfold.bench;

import io.eventfold.infra.HttpJson;

/**
 * projection-service's running totals of where each event's delay went ({@code eventfold_projection_stage_delay}):
 * the relay (decided → sent to the topic) and the projector (sent → committed). Two readings around a run
 * give that run's mean per stage: where freshness goes, from the service's own metrics.
 */
record StageDelays(double relaySeconds, double projectorSeconds, long relayCount, long projectorCount) {

    private static final String SERIES = "eventfold_projection_stage_delay_seconds";

    static StageDelays read(HttpJson projection) {
        var metrics = projection.get("/actuator/prometheus?includedNames=" + SERIES + "," + SERIES + "_sum,"
                + SERIES + "_count");
        if (metrics.status() != 200) {
            throw new IllegalStateException("projection-service metrics answered " + metrics.status());
        }
        return parse(metrics.body());
    }

    static StageDelays parse(String prometheus) {
        double relay = 0;
        double projector = 0;
        long relayCount = 0;
        long projectorCount = 0;
        for (var line : prometheus.split("\n")) {
            boolean sum = line.startsWith(SERIES + "_sum{");
            if (!sum && !line.startsWith(SERIES + "_count{")) {
                continue;
            }
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            if (line.contains("stage=\"relay\"")) {
                relay += sum ? value : 0;
                relayCount += sum ? 0 : (long) value;
            } else if (line.contains("stage=\"projector\"")) {
                projector += sum ? value : 0;
                projectorCount += sum ? 0 : (long) value;
            }
        }
        return new StageDelays(relay, projector, relayCount, projectorCount);
    }

    /** Mean milliseconds per event of each stage since {@code earlier}; NaN for a stage without samples. */
    Means since(StageDelays earlier) {
        return new Means(mean(relaySeconds - earlier.relaySeconds, relayCount - earlier.relayCount),
                mean(projectorSeconds - earlier.projectorSeconds, projectorCount - earlier.projectorCount));
    }

    private static double mean(double seconds, long count) {
        return count > 0 ? seconds * 1_000 / count : Double.NaN;
    }

    /** Mean per event, in milliseconds. */
    record Means(double relayMillis, double projectorMillis) {
    }
}
