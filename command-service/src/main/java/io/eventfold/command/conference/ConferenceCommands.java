package io.eventfold.command.conference;

import io.eventfold.contracts.conference.EventStatus;
import io.eventfold.contracts.registration.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The commands a conference event takes. {@code at} is when the request was accepted. */
final class ConferenceCommands {

    private ConferenceCommands() {
    }

    /** A command for one conference event: {@code eventId} names its aggregate ({@link ConferenceTarget}). */
    sealed interface ConferenceCommand permits ScheduleEvent, ChangeStatus, AddSession, ChangeSessionRoom,
            CancelSession, AssignSpeaker, RemoveSpeaker, RegisterPeople, CancelRegistration {
        String eventId();
    }

    record ScheduleEvent(String eventId, String organizationId, String name, LocalDate startDate,
                         LocalDate endDate, int capacity, Instant at) implements ConferenceCommand {
    }

    record ChangeStatus(String eventId, EventStatus status, Instant at) implements ConferenceCommand {
    }

    record AddSession(String eventId, String sessionId, String title, String room,
                      Instant startsAt, Instant endsAt) implements ConferenceCommand {
    }

    record ChangeSessionRoom(String eventId, String sessionId, String room) implements ConferenceCommand {
    }

    record CancelSession(String eventId, String sessionId, Instant at) implements ConferenceCommand {
    }

    record AssignSpeaker(String eventId, String sessionId, String userId, String name,
                         String bio, String company) implements ConferenceCommand {
    }

    record RemoveSpeaker(String eventId, String sessionId, String userId) implements ConferenceCommand {
    }

    /** One registration, decided only within {@link RegisterPeople}: the registration queue batches them. */
    record RegisterPerson(String eventId, String registrationId, String userId,
                          String name, String email, Role role, Instant at) {
    }

    /** Registrations that queued for one conference, decided in order in one unit of work. */
    record RegisterPeople(String eventId, List<RegisterPerson> registrations) implements ConferenceCommand {
    }

    record CancelRegistration(String eventId, String registrationId, Instant at) implements ConferenceCommand {
    }

    /** What a command handler answers: the id it acted on and the aggregate version after it. */
    record Accepted(String id, long version) {
    }

    /** One registration's answer within {@link RegisterPeople}: accepted, or the rule's refusal. */
    record Decision(Accepted accepted, String refusal) {

        static Decision accepted(Accepted accepted) {
            return new Decision(accepted, null);
        }

        static Decision refused(String refusal) {
            return new Decision(null, refusal);
        }
    }
}
