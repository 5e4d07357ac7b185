package io.eventfold.projection.consumer;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Applies one batch to every projection and records the consumed offsets, all in one transaction. */
@Component
class BatchProjector {

    private final List<Projection> projections;
    private final OffsetStore offsets;
    private final TransactionTemplate transaction;

    BatchProjector(List<Projection> projections, OffsetStore offsets, TransactionTemplate transaction) {
        this.projections = projections;
        this.offsets = offsets;
        this.transaction = transaction;
    }

    void project(String consumer, Batch batch) {
        transaction.executeWithoutResult(status -> {
            if (!batch.events().isEmpty()) {
                projections.forEach(projection -> projection.apply(batch.events()));
            }
            offsets.save(consumer, batch);
        });
    }
}
