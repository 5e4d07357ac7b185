package io.eventfold.projection.engine;

import io.eventfold.contracts.EventTypes;
import io.eventfold.messaging.upcast.Upcasters;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A projection names the current wire names it folds; records stored under an older version of one are read as
 * it (EventDecoder), so they concern the projection too. Asked per record, so answers are kept per name (only
 * for names an upcaster knows: an unknown one stays unknown, and the map bounded).
 */
final class OlderVersions implements Predicate<String> {

    private static final Set<String> CURRENT = EventTypes.all().keySet();

    private final Predicate<String> handles;
    private final Map<String, Boolean> older = new ConcurrentHashMap<>();

    private OlderVersions(Predicate<String> handles) {
        this.handles = handles;
    }

    static Predicate<String> included(Predicate<String> handles) {
        return handles instanceof OlderVersions ? handles : new OlderVersions(handles);
    }

    @Override
    public boolean test(String type) {
        if (handles.test(type)) {
            return true;
        }
        if (CURRENT.contains(type)) {
            return false;
        }
        var known = older.get(type);
        if (known == null && Upcasters.EVENTFOLD.knows(type)) {
            known = older.computeIfAbsent(type, name -> handles.test(Upcasters.EVENTFOLD.resolve(name).wireName()));
        }
        return known != null && known;
    }
}
