package io.eventfold.projection.consumer;

import java.util.List;

/**
 * A read model fed by the event stream. {@link #apply} runs inside the batch's transaction, together with
 * every other projection and the consumed offsets; it must ignore events it has already applied (by
 * aggregate version), since the topic delivers at least once.
 */
public interface Projection {

    String name();

    void apply(List<EventEnvelope> batch);
}
