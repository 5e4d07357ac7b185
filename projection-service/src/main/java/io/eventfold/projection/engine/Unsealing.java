package io.eventfold.projection.engine;

import io.eventfold.contracts.PersonalEvent;
import io.eventfold.privacy.PersonKey;
import io.eventfold.privacy.PersonKeys;
import io.eventfold.privacy.Sealing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens the sealed personal fields of a batch's events before any fold sees them, so folds stay pure. One key
 * query per batch, on the batch's transaction; keys are kept by nobody after it, so a person forgotten since
 * reads as forgotten in the next batch. A seal that does not open parks its event, with a reason that names the
 * key only: the message of {@link Sealing#open} carries no personal data.
 */
@Component
public class Unsealing {

    private final JdbcTemplate jdbc;
    private final PersonKeys keys;

    Unsealing(JdbcTemplate jdbc, PersonKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** The events with every sealed one opened (as forgotten where its key is gone); the same list if none is. */
    public List<EventEnvelope> open(List<EventEnvelope> events) {
        Set<UUID> keyIds = new HashSet<>();
        boolean anySealed = false;
        for (var envelope : events) {
            var sealed = sealedIn(envelope);
            if (sealed != null) {
                anySealed = true;
                var keyId = keyOf(sealed);
                if (keyId != null) {
                    keyIds.add(keyId);
                }
            }
        }
        if (!anySealed) {
            return events;
        }
        var found = keyIds.isEmpty() ? Map.<UUID, PersonKey>of()
                : jdbc.execute((ConnectionCallback<Map<UUID, PersonKey>>) c -> keys.byId(c, keyIds));
        var opened = new ArrayList<EventEnvelope>(events.size());
        for (var envelope : events) {
            var sealed = sealedIn(envelope);
            opened.add(sealed == null ? envelope : open(envelope, sealed, found));
        }
        return opened;
    }

    private static PersonalEvent<?> sealedIn(EventEnvelope envelope) {
        return envelope.event() instanceof PersonalEvent<?> personal && personal.sealed() != null ? personal : null;
    }

    /** Null for a seal that names no key: it is parked when opened. */
    private static UUID keyOf(PersonalEvent<?> sealed) {
        try {
            return Sealing.keyOf(sealed);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static EventEnvelope open(EventEnvelope envelope, PersonalEvent<?> sealed, Map<UUID, PersonKey> found) {
        try {
            return envelope.withEvent(Sealing.openAny(sealed, found.get(Sealing.keyOf(sealed))));
        } catch (IllegalArgumentException refused) {
            return envelope.refused("Unreadable " + envelope.eventType() + ": " + refused.getMessage());
        }
    }
}
