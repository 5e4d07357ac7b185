package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.EVENT;
import static io.eventfold.command.conference.ConferenceFixtures.NOW;
import static io.eventfold.command.conference.ConferenceFixtures.OZ;
import static io.eventfold.command.conference.ConferenceFixtures.addSession;
import static io.eventfold.command.conference.ConferenceFixtures.published;
import static io.eventfold.command.conference.ConferenceFixtures.register;
import static io.eventfold.command.conference.ConferenceFixtures.registered;
import static io.eventfold.command.conference.ConferenceFixtures.schedule;
import static io.eventfold.command.conference.ConferenceFixtures.scheduled;
import static io.eventfold.command.conference.ConferenceFixtures.sessionAdded;
import static io.eventfold.command.conference.ConferenceFixtures.statusChanged;

import io.eventfold.command.conference.ConferenceCommands.Accepted;
import io.eventfold.command.conference.ConferenceCommands.AssignSpeaker;
import io.eventfold.command.conference.ConferenceCommands.CancelRegistration;
import io.eventfold.command.conference.ConferenceCommands.CancelSession;
import io.eventfold.command.conference.ConferenceCommands.ChangeSessionRoom;
import io.eventfold.command.conference.ConferenceCommands.ChangeStatus;
import io.eventfold.command.conference.ConferenceCommands.Decision;
import io.eventfold.command.conference.ConferenceCommands.RegisterPeople;
import io.eventfold.command.conference.ConferenceCommands.RemoveSpeaker;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SessionCancelled;
import io.eventfold.contracts.session.SessionRoomChanged;
import io.eventfold.contracts.session.SpeakerAssigned;
import io.eventfold.contracts.session.SpeakerRemoved;
import java.util.List;
import io.eventfold.command.conference.ConferenceCommands.ForgetPerson;
import io.eventfold.contracts.person.PersonForgotten;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConferenceTest {

    private AggregateTestFixture<Conference> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conference.class);
        fixture.registerCommandTargetResolver(new ConferenceTarget());
        fixture.registerInjectableResource(ConferenceLimits.DEFAULTS);
    }

    @Nested
    class Lifecycle {

        @Test
        void a_new_event_is_scheduled_as_a_draft() {
            fixture.givenNoPriorActivity()
                    .when(schedule(10))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(scheduled(10));
        }

        @ParameterizedTest
        @CsvSource({"DRAFT, PUBLISHED", "PUBLISHED, COMPLETED", "DRAFT, CANCELLED", "PUBLISHED, CANCELLED"})
        void allowed_transitions_are_recorded_with_old_and_new_status(ConferenceStatus from, ConferenceStatus to) {
            fixture.given(scheduled(10))
                    .andGiven(from == ConferenceStatus.DRAFT ? new Object[0] : new Object[] {published()})
                    .when(new ChangeStatus(EVENT, to, NOW, OZ))
                    .expectEvents(statusChanged(from, to));
        }

        @ParameterizedTest
        @CsvSource({"DRAFT, COMPLETED", "COMPLETED, PUBLISHED", "COMPLETED, CANCELLED", "CANCELLED, PUBLISHED",
                "CANCELLED, DRAFT", "PUBLISHED, DRAFT", "COMPLETED, DRAFT"})
        void other_transitions_are_refused(ConferenceStatus from, ConferenceStatus to) {
            fixture.given(scheduled(10))
                    .andGiven(historyTo(from))
                    .when(new ChangeStatus(EVENT, to, NOW, OZ))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void setting_the_current_status_again_changes_nothing() {
            fixture.given(scheduled(10), published())
                    .when(new ChangeStatus(EVENT, ConferenceStatus.PUBLISHED, NOW, OZ))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new Accepted(EVENT, 1));
        }
    }

    @Nested
    class Sessions {

        @Test
        void a_session_is_added_while_the_event_is_open() {
            fixture.given(scheduled(10))
                    .when(addSession("s1"))
                    .expectEvents(sessionAdded("s1"))
                    .expectResultMessagePayload(new Accepted("s1", 1));
        }

        @Test
        void adding_the_same_session_again_is_an_idempotent_retry_and_other_details_a_conflict() {
            fixture.given(scheduled(10), sessionAdded("s1"), published())
                    .when(addSession("s1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Accepted("s1", 1));
            fixture.given(scheduled(10), sessionAdded("s1"))
                    .when(new ConferenceCommands.AddSession(EVENT, "s1", "Other title", "Room A",
                            ConferenceFixtures.TALK_START, ConferenceFixtures.TALK_END, OZ))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void the_room_can_change_and_the_same_room_is_no_change() {
            fixture.given(scheduled(10), sessionAdded("s1"))
                    .when(new ChangeSessionRoom(EVENT, "s1", "Hall 2", OZ))
                    .expectEvents(new SessionRoomChanged(EVENT, "s1", "Room A", "Hall 2"));
            fixture.given(scheduled(10), sessionAdded("s1"))
                    .when(new ChangeSessionRoom(EVENT, "s1", "Room A", OZ))
                    .expectNoEvents();
        }

        @Test
        void a_cancelled_session_takes_no_further_changes() {
            fixture.given(scheduled(10), sessionAdded("s1"), new SessionCancelled(EVENT, "s1", NOW))
                    .when(new ChangeSessionRoom(EVENT, "s1", "Hall 2", OZ))
                    .expectException(RuleViolationException.class);
            fixture.given(scheduled(10), sessionAdded("s1"), new SessionCancelled(EVENT, "s1", NOW))
                    .when(new AssignSpeaker(EVENT, "s1", "ann", "Ann", null, null, OZ))
                    .expectException(RuleViolationException.class);
            fixture.given(scheduled(10), sessionAdded("s1"), new SessionCancelled(EVENT, "s1", NOW))
                    .when(new CancelSession(EVENT, "s1", NOW, OZ))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cancelling_a_session_is_recorded_and_an_unknown_session_is_not_found() {
            fixture.given(scheduled(10), sessionAdded("s1"))
                    .when(new CancelSession(EVENT, "s1", NOW, OZ))
                    .expectEvents(new SessionCancelled(EVENT, "s1", NOW));
            fixture.given(scheduled(10))
                    .when(new CancelSession(EVENT, "nope", NOW, OZ))
                    .expectException(UnknownEntityException.class);
        }
    }

    @Nested
    class Speakers {

        private final AssignSpeaker assignAnn = new AssignSpeaker(EVENT, "s1", "ann", "Ann", "Bio", "ACME", OZ);
        private final SpeakerAssigned annAssigned = new SpeakerAssigned(EVENT, "s1", "ann", "Ann", "Bio", "ACME");

        @Test
        void a_speaker_is_assigned_once() {
            fixture.given(scheduled(10), sessionAdded("s1"))
                    .when(assignAnn)
                    .expectEvents(annAssigned);
            fixture.given(scheduled(10), sessionAdded("s1"), annAssigned)
                    .when(assignAnn)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_speaker_can_be_removed_but_not_one_who_is_not_assigned() {
            fixture.given(scheduled(10), sessionAdded("s1"), annAssigned)
                    .when(new RemoveSpeaker(EVENT, "s1", "ann", OZ))
                    .expectEvents(new SpeakerRemoved(EVENT, "s1", "ann"));
            fixture.given(scheduled(10), sessionAdded("s1"))
                    .when(new RemoveSpeaker(EVENT, "s1", "ann", OZ))
                    .expectException(UnknownEntityException.class);
        }

        @Test
        void speakers_of_an_unknown_session_are_not_found() {
            fixture.given(scheduled(10))
                    .when(assignAnn)
                    .expectException(UnknownEntityException.class);
        }
    }

    @Nested
    class Registrations {

        @Test
        void an_attendee_registers_for_a_published_event() {
            fixture.given(scheduled(10), published())
                    .when(alone(register("r1", "ada", Role.ATTENDEE)))
                    .expectEvents(registered("r1", "ada", Role.ATTENDEE))
                    .expectResultMessagePayload(List.of(Decision.accepted(new Accepted("r1", 2))));
        }

        @Test
        void attendees_cannot_register_while_the_event_is_a_draft_but_speakers_and_organizers_can() {
            fixture.given(scheduled(10))
                    .when(alone(register("r1", "ada", Role.ATTENDEE)))
                    .expectResultMessagePayload(
                            refused("Attendees can register only for a PUBLISHED event, not DRAFT"))
                    .expectNoEvents();
            fixture.given(scheduled(10))
                    .when(alone(register("r1", "ann", Role.SPEAKER)))
                    .expectEvents(registered("r1", "ann", Role.SPEAKER));
            fixture.given(scheduled(10))
                    .when(alone(register("r1", "oz", Role.ORGANIZER)))
                    .expectEvents(registered("r1", "oz", Role.ORGANIZER));
        }

        @Test
        void attendees_count_against_capacity_and_others_do_not() {
            fixture.given(scheduled(2), published(), registered("r1", "a", Role.ATTENDEE),
                            registered("r2", "b", Role.ATTENDEE))
                    .when(alone(register("r3", "c", Role.ATTENDEE)))
                    .expectResultMessagePayload(refused("The event is full (capacity 2)"))
                    .expectNoEvents();
            fixture.given(scheduled(2), published(), registered("r1", "a", Role.ATTENDEE),
                            registered("r2", "b", Role.ATTENDEE))
                    .when(alone(register("r3", "c", Role.ORGANIZER)))
                    .expectEvents(registered("r3", "c", Role.ORGANIZER));
        }

        @Test
        void a_cancelled_attendee_frees_a_seat() {
            fixture.given(scheduled(1), published(), registered("r1", "a", Role.ATTENDEE),
                            new RegistrationCancelled(EVENT, "r1", "a", Role.ATTENDEE, NOW))
                    .when(alone(register("r2", "b", Role.ATTENDEE)))
                    .expectEvents(registered("r2", "b", Role.ATTENDEE));
        }

        @Test
        void a_person_holds_one_active_registration_and_may_register_again_after_cancelling() {
            fixture.given(scheduled(10), published(), registered("r1", "ada", Role.ATTENDEE))
                    .when(alone(register("r2", "ada", Role.SPEAKER)))
                    .expectResultMessagePayload(refused("Person ada is already registered for this event"))
                    .expectNoEvents();
            fixture.given(scheduled(10), published(), registered("r1", "ada", Role.ATTENDEE),
                            new RegistrationCancelled(EVENT, "r1", "ada", Role.ATTENDEE, NOW))
                    .when(alone(register("r2", "ada", Role.ATTENDEE)))
                    .expectEvents(registered("r2", "ada", Role.ATTENDEE));
        }

        @Test
        void the_same_registration_again_is_an_idempotent_retry_and_other_details_a_conflict() {
            fixture.given(scheduled(10), published(), registered("r1", "ada", Role.ATTENDEE))
                    .when(alone(register("r1", "ada", Role.ATTENDEE)))
                    .expectNoEvents()
                    .expectResultMessagePayload(List.of(Decision.accepted(new Accepted("r1", 2))));
            fixture.given(scheduled(10), published(), registered("r1", "ada", Role.ATTENDEE))
                    .when(alone(register("r1", "ada", Role.SPEAKER)))
                    .expectResultMessagePayload(refused("Registration r1 exists with other details"))
                    .expectNoEvents();
        }

        @Test
        void registrations_queued_together_are_decided_in_order_each_with_its_own_answer() {
            fixture.given(scheduled(2), published(), registered("r1", "ada", Role.ATTENDEE))
                    .when(new RegisterPeople(EVENT, List.of(
                            register("r2", "bob", Role.ATTENDEE),
                            register("r3", "ada", Role.SPEAKER),
                            register("r2", "bob", Role.ATTENDEE),
                            register("r4", "cy", Role.ATTENDEE),
                            register("r5", "dee", Role.ORGANIZER))))
                    .expectEvents(registered("r2", "bob", Role.ATTENDEE), registered("r5", "dee", Role.ORGANIZER))
                    .expectResultMessagePayload(List.of(
                            Decision.accepted(new Accepted("r2", 3)),
                            Decision.refused("Person ada is already registered for this event"),
                            Decision.accepted(new Accepted("r2", 3)),
                            Decision.refused("The event is full (capacity 2)"),
                            Decision.accepted(new Accepted("r5", 4))));
        }

        @Test
        void a_registration_is_cancelled_once_and_an_unknown_one_is_not_found() {
            fixture.given(scheduled(10), published(), registered("r1", "ada", Role.ATTENDEE))
                    .when(new CancelRegistration(EVENT, "r1", NOW, OZ))
                    .expectEvents(new RegistrationCancelled(EVENT, "r1", "ada", Role.ATTENDEE, NOW));
            fixture.given(scheduled(10), published(), registered("r1", "ada", Role.ATTENDEE),
                            new RegistrationCancelled(EVENT, "r1", "ada", Role.ATTENDEE, NOW))
                    .when(new CancelRegistration(EVENT, "r1", NOW, OZ))
                    .expectNoEvents();
            fixture.given(scheduled(10))
                    .when(new CancelRegistration(EVENT, "nope", NOW, OZ))
                    .expectException(UnknownEntityException.class);
        }
    }

    @Nested
    class ClosedEvents {

        @ParameterizedTest
        @CsvSource({"COMPLETED", "CANCELLED"})
        void a_cancelled_or_completed_event_takes_no_changes(ConferenceStatus closed) {
            var history = historyTo(closed);
            fixture.given(scheduled(10), sessionAdded("s1"), registered("r1", "oz", Role.ORGANIZER))
                    .andGiven(history)
                    .when(alone(register("r2", "ada", Role.SPEAKER)))
                    .expectResultMessagePayload(refused("The event is " + closed + " and takes no more changes"))
                    .expectNoEvents();
            fixture.given(scheduled(10), sessionAdded("s1"), registered("r1", "oz", Role.ORGANIZER))
                    .andGiven(history)
                    .when(addSession("s2"))
                    .expectException(RuleViolationException.class);
            fixture.given(scheduled(10), sessionAdded("s1"), registered("r1", "oz", Role.ORGANIZER))
                    .andGiven(history)
                    .when(new ChangeSessionRoom(EVENT, "s1", "Hall 2", OZ))
                    .expectException(RuleViolationException.class);
            fixture.given(scheduled(10), sessionAdded("s1"), registered("r1", "oz", Role.ORGANIZER))
                    .andGiven(history)
                    .when(new CancelSession(EVENT, "s1", NOW, OZ))
                    .expectException(RuleViolationException.class);
            fixture.given(scheduled(10), sessionAdded("s1"), registered("r1", "oz", Role.ORGANIZER))
                    .andGiven(history)
                    .when(new CancelRegistration(EVENT, "r1", NOW, OZ))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @ParameterizedTest
        @CsvSource({"DRAFT", "PUBLISHED", "COMPLETED", "CANCELLED"})
        void a_person_is_forgotten_whatever_the_status_and_the_event_names_only_who(ConferenceStatus status) {
            fixture.given(scheduled(10), registered("r1", "ada", Role.ATTENDEE))
                    .andGiven(historyTo(status))
                    .when(new ForgetPerson(EVENT, "ada", NOW))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PersonForgotten(EVENT, "ada", NOW));
        }
    }

    private static Object[] historyTo(ConferenceStatus status) {
        return switch (status) {
            case DRAFT -> new Object[0];
            case PUBLISHED -> new Object[] {published()};
            case COMPLETED -> new Object[] {published(), statusChanged(ConferenceStatus.PUBLISHED, ConferenceStatus.COMPLETED)};
            case CANCELLED -> new Object[] {statusChanged(ConferenceStatus.DRAFT, ConferenceStatus.CANCELLED)};
        };
    }

    /** The aggregate decides registrations only as the queue sends them: in a batch, here of one. */
    private static RegisterPeople alone(ConferenceCommands.RegisterPerson registration) {
        return new RegisterPeople(EVENT, List.of(registration));
    }

    private static List<Decision> refused(String why) {
        return List.of(Decision.refused(why));
    }
}
