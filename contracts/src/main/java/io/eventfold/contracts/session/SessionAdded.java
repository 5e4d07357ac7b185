package io.eventfold.contracts.session;

import io.eventfold.contracts.ConferenceEvent;
import java.time.Instant;

public record SessionAdded(
        String eventId,
        String sessionId,
        String title,
        String room,
        Instant startsAt,
        Instant endsAt) implements ConferenceEvent {
}
