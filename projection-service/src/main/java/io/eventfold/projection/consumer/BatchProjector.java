package io.eventfold.projection.consumer;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Applies one batch to every projection and records the consumed offsets, all in one transaction. */
@Component
class BatchProjector {

    private final List<Projection> projections;
    private final OffsetStore offsets;
    private final DeadLetterStore deadLetters;
    private final TransactionTemplate transaction;

    BatchProjector(List<Projection> projections, OffsetStore offsets, DeadLetterStore deadLetters,
                   TransactionTemplate transaction) {
        this.projections = projections;
        this.offsets = offsets;
        this.deadLetters = deadLetters;
        this.transaction = transaction;
    }

    void project(String consumer, Batch batch) {
        transaction.executeWithoutResult(status -> {
            if (!batch.events().isEmpty()) {
                var conferences = batch.events().stream().map(EventEnvelope::conferenceId).distinct().toList();
                for (var projection : projections) {
                    var parking = new Parking(projection.name(), deadLetters.blocked(projection.name(), conferences));
                    projection.apply(batch.events(), parking);
                    deadLetters.save(parking.parked());
                }
            }
            offsets.save(consumer, batch);
        });
    }
}
