package io.eventfold.contracts.registration;

import io.eventfold.contracts.ConferenceEvent;
import java.time.Instant;

public record PersonRegistered(
        String eventId,
        String registrationId,
        String userId,
        String name,
        String email,
        Role role,
        Instant registeredAt) implements ConferenceEvent {
}
