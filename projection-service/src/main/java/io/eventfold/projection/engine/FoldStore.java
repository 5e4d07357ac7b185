package io.eventfold.projection.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where a projection's states live: a fixed number of set-based statements per batch, whatever its size, on the
 * tables of the given generation.
 */
public interface FoldStore<S> {

    /**
     * The stored states of these conferences (none for those without one), locked so that two writers of one
     * conference take turns.
     */
    Map<String, S> load(Generation generation, Collection<String> conferenceIds);

    /** Writes what the batch changed. */
    void save(Generation generation, Folded<S> folded);

    /**
     * One batch folded: the states as loaded, the new states of the conferences that changed (in batch order),
     * and the events applied to them, in batch order.
     */
    record Folded<S>(Map<String, S> loaded, Map<String, S> changed, List<EventEnvelope> applied) {
    }
}
