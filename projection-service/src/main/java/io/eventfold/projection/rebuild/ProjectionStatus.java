package io.eventfold.projection.rebuild;

/**
 * One projection as operators see it: its live generation, how current that is ({@code appliedPosition}:
 * the newest event applied; {@code completePosition}: every event up to it is applied), how far behind the
 * topic ({@code lagEvents}, {@code lagMs}), the live stream's rate, and the rebuild if one is running. Events
 * parked as dead letters were read but are not applied: they count in {@code lagEvents}, and the conferences
 * they hold back in {@code parkedConferences}. {@code state}: LIVE, REBUILDING, MISMATCH (a rebuild waits for an
 * operator) or FAILED (the last rebuild).
 */
public record ProjectionStatus(String name, int version, int generation, int generationVersion, String state,
                               long appliedPosition, long completePosition, long lagEvents, long lagMs,
                               double eventsPerSecond, long parkedConferences, RebuildStatus rebuild) {
}
