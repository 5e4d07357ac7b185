package io.eventfold.contracts.conference;

import io.eventfold.contracts.ConferenceEvent;
import java.time.Instant;

public record ConferenceStatusChanged(
        String eventId,
        ConferenceStatus from,
        ConferenceStatus to,
        Instant changedAt) implements ConferenceEvent {
}
