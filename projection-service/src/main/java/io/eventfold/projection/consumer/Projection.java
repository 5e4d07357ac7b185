package io.eventfold.projection.consumer;

import java.util.List;

/**
 * A read model fed by the event stream. {@link #apply} runs inside the batch's transaction, together with
 * every other projection and the consumed offsets. It must ignore events it has already applied (by
 * aggregate version), since the topic delivers at least once, and must let {@link Parking} decide which of
 * the others to apply, reporting those it cannot apply, so that one bad event stops only its conference.
 */
public interface Projection {

    String name();

    void apply(List<EventEnvelope> batch, Parking parking);
}
