package io.eventfold.contracts.session;

import io.eventfold.contracts.ConferenceEvent;

public record SpeakerRemoved(
        String eventId,
        String sessionId,
        String userId) implements ConferenceEvent {
}
