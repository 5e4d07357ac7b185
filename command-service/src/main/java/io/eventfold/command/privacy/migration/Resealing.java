package io.eventfold.command.privacy.migration;

import io.eventfold.contracts.PersonalEvent;
import io.eventfold.messaging.upcast.Upcasters;
import io.eventfold.privacy.PersonKey;
import io.eventfold.privacy.Sealing;
import java.util.List;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Turns one stored event of an older version of a personal event into the current one: read through the upcaster
 * chain, as an aggregate reads it, then written by the event store's own serializer, so the row holds the bytes
 * a new event of that shape would hold.
 */
final class Resealing {

    /** A stored row of an older personal event: its position, conference, wire name and JSON. */
    record Stored(long globalIndex, String conferenceId, String payloadType, byte[] payload) {
    }

    /** The row's new payload and wire name; {@code forgotten} when it was written as its person forgotten. */
    record Rewritten(long globalIndex, String payloadType, byte[] payload, boolean forgotten) {
    }

    private final Serializer serializer;
    private final Upcasters upcasters;

    Resealing(Serializer serializer, Upcasters upcasters) {
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /** Every older wire name the chain reads as a current personal event: what the migration rewrites. */
    List<String> olderNames() {
        return upcasters.olderNamesOf(PersonalEvent.class);
    }

    /**
     * The row's event with its personal fields sealed by {@code key}, or, for a person forgotten after it was
     * stored ({@code key} null), with the marker every reader shows for them: there is no key left to seal with.
     */
    Rewritten reseal(long globalIndex, PersonalEvent<?> event, PersonKey key) {
        PersonalEvent<?> current = key == null ? event.forgotten() : Sealing.sealAny(event, key);
        var written = serializer.serialize(current, byte[].class);
        return new Rewritten(globalIndex, written.getType().getName(), written.getData(), key == null);
    }

    /** The stored event as an aggregate reads it, its personal fields in clear. */
    PersonalEvent<?> read(Stored row) {
        var upcast = upcasters.resolve(row.payloadType());
        Object event = serializer.deserialize(new SimpleSerializedObject<>(upcast.body().apply(row.payload()),
                byte[].class, upcast.wireName(), null));
        if (!(event instanceof PersonalEvent<?> personal)) {
            throw new IllegalStateException(row.payloadType() + " does not read as a personal event");
        }
        return personal;
    }
}
