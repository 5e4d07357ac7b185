package io.eventfold.projection.rebuild;

import java.time.Instant;

/**
 * How far a rebuild is. {@code processed} and {@code total} count records of the topic (events and the
 * relay's watermarks); {@code state} is REBUILDING, MISMATCH (caught up, but its rows differ from the live
 * generation's: it waits for a forced switch or a cancel), SWITCHED (done: the generation is live) or FAILED.
 * {@code mismatch}: which rows differed (table, counts, keys), also kept after a forced switch.
 */
public record RebuildStatus(String projection, int generation, int version, String state, long processed,
                            long total, double percent, Double eventsPerSecond, Long etaSeconds,
                            Instant startedAt, Instant switchedAt, String error, String mismatch) {

    static RebuildStatus of(String projection, int generation, int version, String state, long processed,
                            long total, Double eventsPerSecond, Instant startedAt, Instant switchedAt, String error,
                            String mismatch) {
        double percent = total == 0 ? 100 : Math.floor(1000.0 * processed / total) / 10;
        Long eta = eventsPerSecond == null || eventsPerSecond <= 0 ? null
                : (long) Math.ceil((total - processed) / eventsPerSecond);
        return new RebuildStatus(projection, generation, version, state, processed, total, percent,
                eventsPerSecond, eta, startedAt, switchedAt, error, mismatch);
    }
}
