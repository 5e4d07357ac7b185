package io.eventfold.command.conference;

import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.registration.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The commands a conference event takes. {@code at} is when the request was accepted; {@code actor} who sent
 * it, for the conference to decide whether they may.
 */
final class ConferenceCommands {

    private ConferenceCommands() {
    }

    /** A command for one conference event: {@code eventId} names its aggregate ({@link ConferenceTarget}). */
    sealed interface ConferenceCommand permits ScheduleConference, ChangeStatus, AddSession, ChangeSessionRoom,
            CancelSession, AssignSpeaker, RemoveSpeaker, RegisterPeople, CancelRegistration, ForgetPerson {
        String eventId();
    }

    record ScheduleConference(String eventId, String organizationId, String name, LocalDate startDate,
                         LocalDate endDate, int capacity, Instant at, Actor actor) implements ConferenceCommand {
    }

    record ChangeStatus(String eventId, ConferenceStatus status, Instant at, Actor actor) implements ConferenceCommand {
    }

    record AddSession(String eventId, String sessionId, String title, String room,
                      Instant startsAt, Instant endsAt, Actor actor) implements ConferenceCommand {
    }

    record ChangeSessionRoom(String eventId, String sessionId, String room, Actor actor)
            implements ConferenceCommand {
    }

    record CancelSession(String eventId, String sessionId, Instant at, Actor actor) implements ConferenceCommand {
    }

    record AssignSpeaker(String eventId, String sessionId, String userId, String name,
                         String bio, String company, Actor actor) implements ConferenceCommand {
    }

    record RemoveSpeaker(String eventId, String sessionId, String userId, Actor actor)
            implements ConferenceCommand {
    }

    /**
     * One registration, decided only within {@link RegisterPeople}: the registration queue batches them, and
     * each keeps its own sender, as the requests of a batch may come from different callers.
     */
    record RegisterPerson(String eventId, String registrationId, String userId,
                          String name, String email, Role role, Instant at, Actor actor) {
    }

    /** Registrations that queued for one conference, decided in order in one unit of work. */
    record RegisterPeople(String eventId, List<RegisterPerson> registrations) implements ConferenceCommand {
    }

    record CancelRegistration(String eventId, String registrationId, Instant at, Actor actor)
            implements ConferenceCommand {
    }

    /** Whoever may forget a person decided before it is sent (docs/privacy.md); every conference takes it. */
    record ForgetPerson(String eventId, String userId, Instant at) implements ConferenceCommand {
    }

    /** What a command handler answers: the id it acted on and the aggregate version after it. */
    record Accepted(String id, long version) {
    }

    /**
     * One registration's answer within {@link RegisterPeople}: accepted, the rule's refusal, or not found (the
     * conference or registration is not one its sender may see), each for its own request only.
     */
    record Decision(Accepted accepted, String refusal, boolean notFound) {

        static Decision accepted(Accepted accepted) {
            return new Decision(accepted, null, false);
        }

        static Decision refused(String refusal) {
            return new Decision(null, refusal, false);
        }

        static Decision notFound(String refusal) {
            return new Decision(null, refusal, true);
        }
    }
}
