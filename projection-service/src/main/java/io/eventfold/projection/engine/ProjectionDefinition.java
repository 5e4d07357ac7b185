package io.eventfold.projection.engine;

import java.util.List;
import java.util.function.Predicate;

/**
 * What the engine, rebuilds and the admin API know of a projection. {@code version}: raise it when the fold
 * changes, and a projection-service with the newer version rebuilds on start. {@code tables}: base names, each
 * generation has its own copy ({@code dashboard_g2}); {@code publishedTables}: those the query API reads through
 * a view of the base name. {@code handles}: the event types (wire names) it folds; a rebuild does not even decode
 * the others, and an unreadable one of another type does not hold back its conference. Older versions of a
 * handled type are handled too.
 */
public record ProjectionDefinition(String name, int version, List<String> tables, List<String> publishedTables,
                                   Predicate<String> handles) {

    public ProjectionDefinition {
        handles = OlderVersions.included(handles);
    }

    /** A record whose type cannot be read concerns every projection. */
    public boolean concerns(EventEnvelope event) {
        return event.eventType() == null || handles.test(event.eventType());
    }
}
