package io.eventfold.projection.engine;

/**
 * The pure part of a projection: one conference's state after one more event. It never looks anything up, so
 * it is tested without Spring or a database.
 */
public interface Fold<S> {

    /**
     * {@code state} is null for a conference the projection has not seen yet. Throws for an event it cannot
     * apply: that event is parked, and its conference waits behind it.
     */
    S apply(S state, EventEnvelope event);

    /** The aggregate version the state has applied up to: events at or below it were applied before. */
    long version(S state);

    /**
     * Whether the fold sees every version of its conference, so that one arriving after a missing one waits for
     * it (it is parked as a gap). A fold of a few event types sees gaps all the time and says false.
     */
    boolean contiguous();
}
