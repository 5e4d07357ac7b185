package io.eventfold.projection;

import io.eventfold.projection.engine.EventEnvelope;
import io.eventfold.projection.engine.Generation;
import io.eventfold.projection.engine.Parking;
import io.eventfold.projection.engine.Projection;
import io.eventfold.projection.engine.ProjectionDefinition;
import java.util.List;

/** A projection of a test's own, without generation tables: one that records, fails or finds faults. */
public record TableLessProjection(String name, Fold fold) implements Projection {

    /** What the projection does with a batch. */
    public interface Fold {
        void apply(List<EventEnvelope> batch, Parking parking);
    }

    @Override
    public ProjectionDefinition definition() {
        return new ProjectionDefinition(name, 1, List.of(), List.of(), type -> true);
    }

    @Override
    public void apply(List<EventEnvelope> batch, Parking parking, Generation generation) {
        fold.apply(batch, parking);
    }
}
