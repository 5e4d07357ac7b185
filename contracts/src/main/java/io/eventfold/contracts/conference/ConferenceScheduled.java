package io.eventfold.contracts.conference;

import io.eventfold.contracts.ConferenceEvent;
import java.time.Instant;
import java.time.LocalDate;

/** An organization scheduled a conference event; it starts in {@link ConferenceStatus#DRAFT}. */
public record ConferenceScheduled(
        String eventId,
        String organizationId,
        String name,
        LocalDate startDate,
        LocalDate endDate,
        int capacity,
        Instant scheduledAt) implements ConferenceEvent {
}
