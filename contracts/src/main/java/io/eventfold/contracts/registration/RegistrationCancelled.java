package io.eventfold.contracts.registration;

import io.eventfold.contracts.ConferenceEvent;
import java.time.Instant;

/** Carries the role and person so that read models can adjust counts without a look-up. */
public record RegistrationCancelled(
        String eventId,
        String registrationId,
        String userId,
        Role role,
        Instant cancelledAt) implements ConferenceEvent {
}
