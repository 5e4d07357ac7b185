package io.eventfold.contracts.session;

import io.eventfold.contracts.ConferenceEvent;

public record SessionRoomChanged(
        String eventId,
        String sessionId,
        String fromRoom,
        String toRoom) implements ConferenceEvent {
}
