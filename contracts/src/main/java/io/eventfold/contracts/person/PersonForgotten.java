package io.eventfold.contracts.person;

import io.eventfold.contracts.ConferenceEvent;
import java.time.Instant;

/**
 * A person of this conference asked to be forgotten: their key is deleted, and whatever shows their personal
 * data shows {@link io.eventfold.contracts.PersonalEvent#FORGOTTEN} instead. Carries no personal data itself.
 */
public record PersonForgotten(String eventId, String userId, Instant forgottenAt) implements ConferenceEvent {
}
