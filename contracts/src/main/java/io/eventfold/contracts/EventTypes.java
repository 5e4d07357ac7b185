package io.eventfold.contracts;

import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import io.eventfold.contracts.person.PersonForgotten;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.contracts.session.SessionAdded;
import io.eventfold.contracts.session.SessionCancelled;
import io.eventfold.contracts.session.SessionRoomChanged;
import io.eventfold.contracts.session.SpeakerAssigned;
import io.eventfold.contracts.session.SpeakerRemoved;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wire names of all events. Stored events and Kafka records carry these names, never class names,
 * so a class can be renamed or moved without breaking what is already stored. A name never changes:
 * an incompatible change of shape gets a new name with the next {@code .vN}, and events stored under the
 * older name are read through an upcaster (docs/design/event-versions.md). These are the current names.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends ConferenceEvent>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        register("conference.event-scheduled.v1", ConferenceScheduled.class);
        register("conference.status-changed.v1", ConferenceStatusChanged.class);
        register("session.session-added.v1", SessionAdded.class);
        register("session.room-changed.v1", SessionRoomChanged.class);
        register("session.session-cancelled.v1", SessionCancelled.class);
        register("session.speaker-assigned.v2", SpeakerAssigned.class);
        register("session.speaker-removed.v1", SpeakerRemoved.class);
        register("registration.person-registered.v2", PersonRegistered.class);
        register("registration.registration-cancelled.v1", RegistrationCancelled.class);
        register("person.person-forgotten.v1", PersonForgotten.class);
    }

    private EventTypes() {
    }

    private static void register(String wireName, Class<? extends ConferenceEvent> type) {
        if (BY_NAME.put(wireName, type) != null || BY_CLASS.put(type, wireName) != null) {
            throw new IllegalStateException("Duplicate event type registration: " + wireName);
        }
    }

    public static Optional<Class<? extends ConferenceEvent>> classOf(String wireName) {
        return Optional.ofNullable(BY_NAME.get(wireName));
    }

    public static Optional<String> wireNameOf(Class<?> type) {
        return Optional.ofNullable(BY_CLASS.get(type));
    }

    public static Map<String, Class<? extends ConferenceEvent>> all() {
        return Map.copyOf(BY_NAME);
    }
}
