package io.eventfold.projection.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.transaction.SavepointManager;

/**
 * A batch that the database refused, applied again one conference at a time and, within a conference that is
 * still refused, one event at a time, each under a savepoint: the event the database refuses is parked with
 * its error, its conference's later events wait behind it, and everything else is written. This runs only
 * after a batch failed, so the usual batch pays for no savepoint.
 */
public final class Narrowing {

    private Narrowing() {
    }

    public static void apply(Projection projection, Generation generation, List<EventEnvelope> events, Parking parking,
                      SavepointManager savepoints) {
        var byConference = new LinkedHashMap<String, List<EventEnvelope>>();
        events.forEach(e -> byConference.computeIfAbsent(e.conferenceId(), id -> new ArrayList<>()).add(e));
        for (var conference : byConference.values()) {
            if (attempt(projection, generation, conference, parking, savepoints) == null) {
                continue;
            }
            for (var event : conference) {
                var refused = attempt(projection, generation, List.of(event), parking, savepoints);
                if (refused != null) {
                    parking.failed(event, refused);
                }
            }
        }
    }

    /** Applies the events under a savepoint; the failure that undid them, or null when they were written. */
    private static RuntimeException attempt(Projection projection, Generation generation,
                                            List<EventEnvelope> events, Parking parking,
                                            SavepointManager savepoints) {
        var savepoint = savepoints.createSavepoint();
        var trial = parking.trial();
        try {
            projection.apply(events, trial, generation);
        } catch (RuntimeException failure) {
            if (!WriteFailures.mayBeTheEvents(failure)) {
                throw failure;
            }
            savepoints.rollbackToSavepoint(savepoint);
            return failure;
        }
        savepoints.releaseSavepoint(savepoint);
        parking.adopt(trial);
        return null;
    }
}
