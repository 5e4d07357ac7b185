package io.eventfold.command.conference;

import io.eventfold.contracts.conference.EventStatus;
import io.eventfold.contracts.registration.Role;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands a conference event takes. {@code at} is when the request was accepted. */
final class ConferenceCommands {

    private ConferenceCommands() {
    }

    record ScheduleEvent(@TargetAggregateIdentifier String eventId, String organizationId, String name,
                         LocalDate startDate, LocalDate endDate, int capacity, Instant at) {
    }

    record ChangeStatus(@TargetAggregateIdentifier String eventId, EventStatus status, Instant at) {
    }

    record AddSession(@TargetAggregateIdentifier String eventId, String sessionId, String title, String room,
                      Instant startsAt, Instant endsAt) {
    }

    record ChangeSessionRoom(@TargetAggregateIdentifier String eventId, String sessionId, String room) {
    }

    record CancelSession(@TargetAggregateIdentifier String eventId, String sessionId, Instant at) {
    }

    record AssignSpeaker(@TargetAggregateIdentifier String eventId, String sessionId, String userId, String name,
                         String bio, String company) {
    }

    record RemoveSpeaker(@TargetAggregateIdentifier String eventId, String sessionId, String userId) {
    }

    record RegisterPerson(@TargetAggregateIdentifier String eventId, String registrationId, String userId,
                          String name, String email, Role role, Instant at) {
    }

    record CancelRegistration(@TargetAggregateIdentifier String eventId, String registrationId, Instant at) {
    }

    /** What a command handler answers: the id it acted on and the aggregate version after it. */
    record Accepted(String id, long version) {
    }
}
