package io.eventfold.bench;

import io.eventfold.infra.HttpJson;

/**
 * projection-service's running totals of where each event's delay went ({@code eventfold_projection_stage_delay}):
 * the relay (decided → sent to the topic) and the projector (sent → committed). Two readings around a run
 * give that run's mean per stage: where freshness goes, from the service's own metrics.
 */
record StageDelays(double relaySeconds, double projectorSeconds, long relayCount, long projectorCount) {

    private static final String SERIES = "eventfold_projection_stage_delay_seconds";
    private static final String RELAY = "stage=\"relay\"";
    private static final String PROJECTOR = "stage=\"projector\"";

    static StageDelays read(HttpJson projection) {
        return parse(PrometheusText.scrape(projection, "projection-service", SERIES));
    }

    static StageDelays parse(String prometheus) {
        return new StageDelays(PrometheusText.sum(prometheus, SERIES + "_sum", RELAY),
                PrometheusText.sum(prometheus, SERIES + "_sum", PROJECTOR),
                (long) PrometheusText.sum(prometheus, SERIES + "_count", RELAY),
                (long) PrometheusText.sum(prometheus, SERIES + "_count", PROJECTOR));
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
