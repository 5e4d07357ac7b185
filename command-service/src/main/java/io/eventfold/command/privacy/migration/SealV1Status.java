package io.eventfold.command.privacy.migration;

import java.time.Instant;

/**
 * What the operator sees of the migration.
 *
 * @param state           IDLE (never run, or stopped before the end: start resumes it), RUNNING (on this instance),
 *                        DONE (no older personal event left), FAILED (error says why, without any field's value)
 * @param sealed          events rewritten as their current version so far, over every run
 * @param forgotten       of those, events of people forgotten before they were rewritten: written as forgotten
 * @param remaining       events of an older version still stored
 * @param total           sealed + remaining
 * @param percent         sealed of total, 100 when there is nothing to do
 * @param eventsPerSecond this instance's current or last run; null before its first
 * @param lastGlobalIndex the checkpoint: the last event of the last committed page
 */
record SealV1Status(State state, long sealed, long forgotten, long remaining, long total, int percent,
                    Double eventsPerSecond, long lastGlobalIndex, String error, Instant finishedAt) {

    enum State { IDLE, RUNNING, DONE, FAILED }

    static SealV1Status of(State state, SealV1Store.Checkpoint checkpoint, long remaining, Double eventsPerSecond) {
        long total = checkpoint.sealed() + remaining;
        int percent = total == 0 ? 100 : (int) (100 * checkpoint.sealed() / total);
        return new SealV1Status(state, checkpoint.sealed(), checkpoint.forgotten(), remaining, total, percent,
                eventsPerSecond, checkpoint.lastGlobalIndex(), checkpoint.error(), checkpoint.finishedAt());
    }
}
