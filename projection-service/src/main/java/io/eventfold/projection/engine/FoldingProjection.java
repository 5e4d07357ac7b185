package io.eventfold.projection.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The loop every projection shares, around its fold and its store: load the states a batch touches, skip events
 * applied before (the topic delivers at least once), let {@link Parking} hold back the conferences behind a dead
 * letter, park an event that comes after a missing one or that the fold cannot apply, and write the changes once.
 * A separate class from the SQL and JSON code also for the JIT: a replay reaching new event types recompiles
 * this loop, and recompiling it with the store's code inlined beside it was costly.
 */
public final class FoldingProjection<S> implements Projection {

    private final ProjectionDefinition definition;
    private final Fold<S> fold;
    private final FoldStore<S> store;

    public FoldingProjection(ProjectionDefinition definition, Fold<S> fold, FoldStore<S> store) {
        this.definition = definition;
        this.fold = fold;
        this.store = store;
    }

    @Override
    public ProjectionDefinition definition() {
        return definition;
    }

    @Override
    public void apply(List<EventEnvelope> batch, Parking parking, Generation generation) {
        var touched = batch.stream().filter(definition::concerns).toList();
        if (touched.isEmpty()) {
            return;
        }
        var loaded = store.load(generation, touched.stream().map(EventEnvelope::conferenceId).distinct().toList());
        var states = new HashMap<>(loaded);
        var changed = new LinkedHashMap<String, S>();
        var applied = new ArrayList<EventEnvelope>();
        for (var envelope : touched) {
            var current = states.get(envelope.conferenceId());
            if (current != null && envelope.version() <= fold.version(current) || !parking.admit(envelope)) {
                continue;
            }
            long expected = current == null ? 0 : fold.version(current) + 1;
            if (fold.contiguous() && envelope.version() > expected) {
                parking.gap(envelope, expected);
                continue;
            }
            S next;
            try {
                next = fold.apply(current, envelope);
            } catch (RuntimeException cannotApply) {
                parking.failed(envelope, cannotApply);
                continue;
            }
            states.put(envelope.conferenceId(), next);
            changed.put(envelope.conferenceId(), next);
            applied.add(envelope);
        }
        store.save(generation, new FoldStore.Folded<>(loaded, changed, applied));
    }
}
