package io.eventfold.projection.engine;

import java.util.List;

/**
 * A read model fed by the event stream. {@link #apply} runs inside the batch's transaction, together with
 * every other projection and the consumed offsets, and writes the tables of the given generation. Projections
 * made of a fold and a store get the rules (skip what was applied, park what cannot be) from
 * {@link FoldingProjection}; this interface is the engine's side of them.
 */
public interface Projection {

    ProjectionDefinition definition();

    default String name() {
        return definition().name();
    }

    default boolean handles(String eventType) {
        return definition().handles().test(eventType);
    }

    void apply(List<EventEnvelope> batch, Parking parking, Generation generation);
}
