package io.eventfold.contracts.session;

import io.eventfold.contracts.ConferenceEvent;
import java.time.Instant;

public record SessionCancelled(
        String eventId,
        String sessionId,
        Instant cancelledAt) implements ConferenceEvent {
}
