package io.eventfold.projection.consumer;

import java.util.List;

/**
 * A read model fed by the event stream. {@link #apply} runs inside the batch's transaction, together with
 * every other projection and the consumed offsets, and writes the tables of the given generation. It must
 * ignore events it has already applied (by aggregate version), since the topic delivers at least once, and
 * must let {@link Parking} decide which of the others to apply, reporting those it cannot apply, so that one
 * bad event stops only its conference.
 */
public interface Projection {

    String name();

    /** Raise it when the fold changes: a projection-service with a newer version rebuilds on start. */
    int version();

    /** The base names of its tables; each generation has its own copy ({@code dashboard_g2}). */
    List<String> tables();

    /** Those of its tables the query API reads, through a view of the base name. */
    List<String> publishedTables();

    /**
     * Whether it folds events of this type (wire name). Records of other types are not its concern: its
     * rebuild does not even decode them, and an unreadable one does not hold back its conference here. A
     * record whose type cannot be read concerns every projection.
     */
    default boolean handles(String eventType) {
        return true;
    }

    void apply(List<EventEnvelope> batch, Parking parking, Generation generation);
}
