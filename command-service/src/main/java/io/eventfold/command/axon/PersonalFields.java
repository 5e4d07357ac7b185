package io.eventfold.command.axon;

import io.eventfold.contracts.PersonalEvent;
import io.eventfold.privacy.PersonKey;
import io.eventfold.privacy.PersonKeys;
import io.eventfold.privacy.Sealing;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;

/**
 * Seals personal fields as events are appended and opens them as an aggregate loads its events, with one key
 * statement per append or load, never one per event. In memory a command handler's events stay in clear; what
 * is stored, and so what the relay sends, is sealed.
 */
final class PersonalFields {

    private final PersonKeys keys;

    PersonalFields(PersonKeys keys) {
        this.keys = keys;
    }

    /** The events as they are to be stored: each person's fields sealed with their key (made if they had none). */
    List<EventMessage<?>> seal(Connection connection, List<? extends EventMessage<?>> events) throws SQLException {
        var people = new LinkedHashMap<String, List<String>>();
        for (var event : events) {
            if (event.getPayload() instanceof PersonalEvent<?> personal && personal.sealed() == null
                    && event instanceof DomainEventMessage<?> domain) {
                people.computeIfAbsent(domain.getAggregateIdentifier(), id -> new ArrayList<>())
                        .add(personal.userId());
            }
        }
        if (people.isEmpty()) {
            return List.copyOf(events);
        }
        var byConference = new LinkedHashMap<String, Map<String, PersonKey>>();
        for (var conference : people.entrySet()) {
            byConference.put(conference.getKey(), keys.keysFor(connection, conference.getKey(), conference.getValue()));
        }
        var sealed = new ArrayList<EventMessage<?>>(events.size());
        for (var event : events) {
            if (event.getPayload() instanceof PersonalEvent<?> personal && personal.sealed() == null
                    && event instanceof DomainEventMessage<?> domain) {
                var key = byConference.get(domain.getAggregateIdentifier()).get(personal.userId());
                sealed.add(withPayload(domain, Sealing.sealAny(personal, Objects.requireNonNull(key, "every key"))));
            } else {
                sealed.add(event);
            }
        }
        return sealed;
    }

    /** The events with personal fields in clear; a forgotten person's read as forgotten. */
    List<DomainEventMessage<?>> open(Connection connection, List<DomainEventMessage<?>> events) throws SQLException {
        var wanted = new HashSet<UUID>();
        for (var event : events) {
            if (event.getPayload() instanceof PersonalEvent<?> personal) {
                wanted.add(Sealing.keyOf(personal));
            }
        }
        wanted.remove(null);
        if (wanted.isEmpty()) {
            return events;
        }
        var found = keys.byId(connection, wanted);
        return events.stream().<DomainEventMessage<?>>map(event -> event.getPayload() instanceof PersonalEvent<?> p
                && p.sealed() != null ? withPayload(event, Sealing.openAny(p, found.get(Sealing.keyOf(p)))) : event)
                .toList();
    }

    /** Same identifier, aggregate, sequence, time and metadata: only the payload changes. */
    private static DomainEventMessage<?> withPayload(DomainEventMessage<?> event, Object payload) {
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), new GenericMessage<>(event.getIdentifier(), payload, event.getMetaData()),
                event.getTimestamp());
    }
}
