package io.eventfold.contracts.session;

import io.eventfold.contracts.ConferenceEvent;

/** A person speaks in a session. {@code bio} and {@code company} may be null. */
public record SpeakerAssigned(
        String eventId,
        String sessionId,
        String userId,
        String name,
        String bio,
        String company) implements ConferenceEvent {
}
