package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.EVENT;
import static io.eventfold.command.conference.ConferenceFixtures.NOW;
import static io.eventfold.command.conference.ConferenceFixtures.OZ;
import static io.eventfold.command.conference.ConferenceFixtures.addSession;
import static io.eventfold.command.conference.ConferenceFixtures.published;
import static io.eventfold.command.conference.ConferenceFixtures.register;
import static io.eventfold.command.conference.ConferenceFixtures.registered;
import static io.eventfold.command.conference.ConferenceFixtures.scheduled;
import static io.eventfold.command.conference.ConferenceFixtures.sessionAdded;

import io.eventfold.command.conference.ConferenceCommands.Accepted;
import io.eventfold.command.conference.ConferenceCommands.AssignSpeaker;
import io.eventfold.command.conference.ConferenceCommands.CancelRegistration;
import io.eventfold.command.conference.ConferenceCommands.Decision;
import io.eventfold.command.conference.ConferenceCommands.RegisterPeople;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SessionCancelled;
import io.eventfold.contracts.session.SpeakerAssigned;
import io.eventfold.contracts.session.SpeakerRemoved;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-conference limits, here set low: beyond each, the command is refused and nothing is stored. */
class ConferenceLimitsTest {

    /** 2 sessions, 1 speaker a session, 2 attendees, 1 speaker, 1 organizer, 4 registration ids. */
    static final ConferenceLimits LOW = new ConferenceLimits(2, 1, 2, 1, 1, 4, 200, 100, 254, 2000);

    private AggregateTestFixture<Conference> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conference.class);
        fixture.registerCommandTargetResolver(new ConferenceTarget());
        fixture.registerInjectableResource(LOW);
    }

    @Test
    void sessions_cancelled_ones_included_are_limited_and_a_retry_of_one_held_is_still_accepted() {
        fixture.given(scheduled(10), sessionAdded("s1"), sessionAdded("s2"), new SessionCancelled(EVENT, "s2", NOW))
                .when(addSession("s3"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("The event holds its limit of 2 sessions, cancelled ones included")
                .expectNoEvents();
        fixture.given(scheduled(10), sessionAdded("s1"), sessionAdded("s2"))
                .when(addSession("s1"))
                .expectNoEvents()
                .expectResultMessagePayload(new Accepted("s1", 1));
    }

    @Test
    void speakers_per_session_are_limited_and_a_removed_one_frees_the_place() {
        fixture.given(scheduled(10), sessionAdded("s1"), speaker("ann"))
                .when(assign("bob"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("Session s1 holds its limit of 1 speakers")
                .expectNoEvents();
        fixture.given(scheduled(10), sessionAdded("s1"), speaker("ann"))
                .when(assign("ann"))
                .expectNoEvents();
        fixture.given(scheduled(10), sessionAdded("s1"), speaker("ann"), new SpeakerRemoved(EVENT, "s1", "ann"))
                .when(assign("bob"))
                .expectEvents(speaker("bob"));
    }

    @Test
    void active_registrations_of_each_role_are_limited_and_a_cancellation_frees_a_place() {
        fixture.given(scheduled(10), published(), registered("r1", "a", Role.ATTENDEE),
                        registered("r2", "b", Role.ATTENDEE), registered("r3", "c", Role.SPEAKER),
                        registered("r4", "d", Role.ORGANIZER))
                .when(new RegisterPeople(EVENT, List.of(register("r5", "e", Role.ATTENDEE),
                        register("r6", "f", Role.SPEAKER), register("r7", "g", Role.ORGANIZER))))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(
                        Decision.refused("The event holds its limit of 2 ATTENDEE registrations"),
                        Decision.refused("The event holds its limit of 1 SPEAKER registrations"),
                        Decision.refused("The event holds its limit of 1 ORGANIZER registrations")));
        fixture.given(scheduled(10), published(), registered("r1", "a", Role.ATTENDEE),
                        registered("r2", "b", Role.ATTENDEE), cancelled("r1", "a"))
                .when(alone(register("r3", "c", Role.ATTENDEE)))
                .expectEvents(registered("r3", "c", Role.ATTENDEE));
    }

    @Test
    void registration_ids_ever_used_are_limited_so_that_cancelling_and_registering_again_cannot_grow_forever() {
        fixture.given(scheduled(10), published(), registered("r1", "a", Role.ATTENDEE), cancelled("r1", "a"),
                        registered("r2", "a", Role.ATTENDEE), cancelled("r2", "a"),
                        registered("r3", "a", Role.ATTENDEE), cancelled("r3", "a"),
                        registered("r4", "a", Role.ATTENDEE))
                .when(alone(register("r5", "b", Role.ATTENDEE)))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(Decision.refused(
                        "The event has used its limit of 4 registration ids, cancelled ones included")));
    }

    @Test
    void a_cancelled_id_is_not_taken_again_and_only_its_person_or_an_organizer_cancels_it_again() {
        var given = new Object[] {scheduled(10), published(), registered("r1", "ada", Role.ATTENDEE),
            cancelled("r1", "ada")};
        fixture.given(given)
                .when(alone(register("r1", "ada", Role.ATTENDEE)))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(Decision.refused(
                        "Registration r1 was cancelled; a new registration needs a new id")));
        fixture.given(given)
                .when(new CancelRegistration(EVENT, "r1", NOW, new Actor("ada", Set.of(), true)))
                .expectNoEvents()
                .expectResultMessagePayload(new Accepted("r1", 3));
        fixture.given(given)
                .when(new CancelRegistration(EVENT, "r1", NOW, OZ))
                .expectNoEvents()
                .expectResultMessagePayload(new Accepted("r1", 3));
        fixture.given(given)
                .when(new CancelRegistration(EVENT, "r1", NOW, new Actor("bob", Set.of(), true)))
                .expectException(UnknownEntityException.class)
                .expectExceptionMessage("No registration r1");
    }

    private static SpeakerAssigned speaker(String userId) {
        return new SpeakerAssigned(EVENT, "s1", userId, "Speaker " + userId, null, null);
    }

    private static AssignSpeaker assign(String userId) {
        return new AssignSpeaker(EVENT, "s1", userId, "Speaker " + userId, null, null, OZ);
    }

    private static RegistrationCancelled cancelled(String registrationId, String userId) {
        return new RegistrationCancelled(EVENT, registrationId, userId, Role.ATTENDEE, NOW);
    }

    private static RegisterPeople alone(ConferenceCommands.RegisterPerson registration) {
        return new RegisterPeople(EVENT, List.of(registration));
    }
}
