package io.eventfold.contracts.conference;

import io.eventfold.contracts.ConferenceEvent;
import java.time.Instant;

public record EventStatusChanged(
        String eventId,
        EventStatus from,
        EventStatus to,
        Instant changedAt) implements ConferenceEvent {
}
