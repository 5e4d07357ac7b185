package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.EVENT;
import static io.eventfold.command.conference.ConferenceFixtures.NOW;
import static io.eventfold.command.conference.ConferenceFixtures.OZ;
import static io.eventfold.command.conference.ConferenceFixtures.TALK_END;
import static io.eventfold.command.conference.ConferenceFixtures.TALK_START;
import static io.eventfold.command.conference.ConferenceFixtures.published;
import static io.eventfold.command.conference.ConferenceFixtures.registered;
import static io.eventfold.command.conference.ConferenceFixtures.scheduled;
import static io.eventfold.command.conference.ConferenceFixtures.sessionAdded;

import io.eventfold.command.conference.ConferenceCommands.Accepted;
import io.eventfold.command.conference.ConferenceCommands.AddSession;
import io.eventfold.command.conference.ConferenceCommands.AssignSpeaker;
import io.eventfold.command.conference.ConferenceCommands.CancelRegistration;
import io.eventfold.command.conference.ConferenceCommands.CancelSession;
import io.eventfold.command.conference.ConferenceCommands.ChangeSessionRoom;
import io.eventfold.command.conference.ConferenceCommands.ChangeStatus;
import io.eventfold.command.conference.ConferenceCommands.Decision;
import io.eventfold.command.conference.ConferenceCommands.RegisterPeople;
import io.eventfold.command.conference.ConferenceCommands.RegisterPerson;
import io.eventfold.command.conference.ConferenceCommands.RemoveSpeaker;
import io.eventfold.command.conference.ConferenceCommands.ScheduleConference;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SpeakerAssigned;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The role table's rules that need the conference's data: whose conference it is, whose each registration. */
class ConferenceAuthorizationTest {

    static final Actor GLOBEX = new Actor("organizer-of-globex", Set.of("globex"), false);
    static final Actor ADA = new Actor("ada", Set.of(), true);
    static final String NO_EVENT = "No event " + EVENT;

    private AggregateTestFixture<Conference> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conference.class);
        fixture.registerCommandTargetResolver(new ConferenceTarget());
        fixture.registerInjectableResource(ConferenceLimits.DEFAULTS);
    }

    /**
     * Every command only an organizer of the conference's organization may send, as sent by {@code actor}
     * (ConferenceTest shows each of them succeed when sent by that organizer).
     */
    static Stream<Named<Function<Actor, Object>>> organizerCommands() {
        return Stream.of(
                Named.of("status", actor -> new ChangeStatus(EVENT, ConferenceStatus.PUBLISHED, NOW, actor)),
                Named.of("add session", actor -> new AddSession(EVENT, "s2", "Talk", "Room A", TALK_START, TALK_END,
                        actor)),
                Named.of("room", actor -> new ChangeSessionRoom(EVENT, "s1", "Hall 2", actor)),
                Named.of("cancel session", actor -> new CancelSession(EVENT, "s1", NOW, actor)),
                Named.of("assign speaker", actor -> new AssignSpeaker(EVENT, "s1", "ann", "Ann", null, null, actor)),
                Named.of("remove speaker", actor -> new RemoveSpeaker(EVENT, "s1", "ann", actor)));
    }

    @Test
    void an_event_is_scheduled_only_for_an_organization_the_sender_organizes() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleConference(EVENT, "acme", "DevConf", ConferenceFixtures.START, ConferenceFixtures.END,
                        10, NOW, GLOBEX))
                .expectException(ForbiddenException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("organizerCommands")
    void another_organizations_organizer_or_an_attendee_finds_no_such_event(Function<Actor, Object> command) {
        for (var stranger : List.of(GLOBEX, ADA)) {
            fixture.given(scheduled(10), sessionAdded("s1"), speakerAnn())
                    .when(command.apply(stranger))
                    .expectException(UnknownEntityException.class)
                    .expectExceptionMessage(NO_EVENT)
                    .expectNoEvents();
        }
    }

    @Test
    void an_attendee_registers_themselves_as_an_attendee_once_the_event_is_published() {
        fixture.given(scheduled(10), published())
                .when(alone(registerAs(ADA, "r1", "ada", Role.ATTENDEE)))
                .expectEvents(registered("r1", "ada", Role.ATTENDEE))
                .expectResultMessagePayload(List.of(Decision.accepted(new Accepted("r1", 2))));
        fixture.given(scheduled(10), published(), registered("r1", "ada", Role.ATTENDEE))
                .when(alone(registerAs(ADA, "r1", "ada", Role.ATTENDEE)))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(Decision.accepted(new Accepted("r1", 2))));
    }

    @Test
    void an_attendee_finds_no_draft_event_and_cannot_register_someone_else_or_in_another_role() {
        fixture.given(scheduled(10))
                .when(alone(registerAs(ADA, "r1", "ada", Role.ATTENDEE)))
                .expectResultMessagePayload(List.of(Decision.notFound(NO_EVENT)))
                .expectNoEvents();
        fixture.given(scheduled(10), published())
                .when(alone(registerAs(ADA, "r1", "bob", Role.ATTENDEE)))
                .expectResultMessagePayload(List.of(Decision.notFound(NO_EVENT)))
                .expectNoEvents();
        fixture.given(scheduled(10), published())
                .when(alone(registerAs(ADA, "r1", "ada", Role.SPEAKER)))
                .expectResultMessagePayload(List.of(Decision.notFound(NO_EVENT)))
                .expectNoEvents();
    }

    @Test
    void in_one_batch_another_organizations_registration_is_not_found_and_the_others_are_decided_as_usual() {
        fixture.given(scheduled(10), published())
                .when(new RegisterPeople(EVENT, List.of(
                        registerAs(OZ, "r1", "bob", Role.SPEAKER),
                        registerAs(GLOBEX, "r2", "cy", Role.ATTENDEE),
                        registerAs(ADA, "r3", "ada", Role.ATTENDEE))))
                .expectEvents(registered("r1", "bob", Role.SPEAKER), registered("r3", "ada", Role.ATTENDEE))
                .expectResultMessagePayload(List.of(
                        Decision.accepted(new Accepted("r1", 2)),
                        Decision.notFound(NO_EVENT),
                        Decision.accepted(new Accepted("r3", 3))));
    }

    @Test
    void an_attendee_cancels_their_own_registration_and_the_organizer_anyones() {
        var cancelled = new RegistrationCancelled(EVENT, "r1", "ada", Role.ATTENDEE, NOW);
        fixture.given(scheduled(10), published(), registered("r1", "ada", Role.ATTENDEE))
                .when(new CancelRegistration(EVENT, "r1", NOW, ADA))
                .expectEvents(cancelled);
        fixture.given(scheduled(10), published(), registered("r1", "ada", Role.ATTENDEE))
                .when(new CancelRegistration(EVENT, "r1", NOW, OZ))
                .expectEvents(cancelled);
    }

    @Test
    void someone_elses_registration_is_not_found_and_to_another_organization_not_even_the_event() {
        fixture.given(scheduled(10), published(), registered("r1", "bob", Role.ATTENDEE))
                .when(new CancelRegistration(EVENT, "r1", NOW, ADA))
                .expectException(UnknownEntityException.class)
                .expectExceptionMessage("No registration r1")
                .expectNoEvents();
        fixture.given(scheduled(10), published(), registered("r1", "ada", Role.ATTENDEE))
                .when(new CancelRegistration(EVENT, "r1", NOW, GLOBEX))
                .expectException(UnknownEntityException.class)
                .expectExceptionMessage(NO_EVENT)
                .expectNoEvents();
        fixture.given(scheduled(10), registered("r1", "bob", Role.SPEAKER))
                .when(new CancelRegistration(EVENT, "r1", NOW, ADA))
                .expectException(UnknownEntityException.class)
                .expectExceptionMessage(NO_EVENT)
                .expectNoEvents();
    }

    private static SpeakerAssigned speakerAnn() {
        return new SpeakerAssigned(EVENT, "s1", "ann", "Ann", null, null);
    }

    private static RegisterPerson registerAs(Actor actor, String registrationId, String userId, Role role) {
        return new RegisterPerson(EVENT, registrationId, userId, "Person " + userId, userId + "@example.com", role,
                NOW, actor);
    }

    private static RegisterPeople alone(RegisterPerson registration) {
        return new RegisterPeople(EVENT, List.of(registration));
    }
}
