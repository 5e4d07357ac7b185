package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.command.AnotherInstance;
import io.eventfold.command.CommandServiceTest;
import io.eventfold.command.conference.ConferenceCommands.ChangeStatus;
import io.eventfold.command.conference.ConferenceCommands.RegisterPeople;
import io.eventfold.command.conference.ConferenceCommands.RegisterPerson;
import io.eventfold.command.conference.ConferenceCommands.ScheduleConference;
import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.registration.Role;
import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A big conference is loaded from a snapshot plus a short tail of events, not replayed from its start.
 * How fast that is, is measured by the bench module; this test proves the mechanism and its correctness.
 */
@CommandServiceTest
class LargeConferenceIT {

    @Autowired
    CommandGateway gateway;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Autowired
    EventStore eventStore;

    @Test
    void a_fresh_instance_decides_on_state_restored_from_the_latest_snapshot() {
        var eventId = publishedWithAttendees("big-", 600);

        // Snapshots are written on their own thread, after the command that crossed the threshold: on a loaded
        // machine that took over 10 s once.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                        "select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?")
                .param(eventId).query(Long.class).single()).as("snapshot every 250 events").isBetween(400L, 601L));
        assertThat(jdbc.sql(
                        "select distinct payload_revision from snapshot_event_entry where aggregate_identifier = ?")
                .param(eventId).query(String.class).list()).as("the layout's revision").containsExactly("4");
        assertThat(eventStore.readEvents(eventId).peek().getPayloadType()).as("loading starts at the snapshot")
                .isEqualTo(Conference.class);

        try (var fresh = AnotherInstance.beside(environment)) {
            var api = new HttpJson(AnotherInstance.url(fresh)).withBearer(TestIssuer.organizer("acme"));

            var registrations = "/api/events/" + eventId + "/registrations";
            var duplicate = api.post(registrations, registerJson("x", "user7", "ATTENDEE"));
            var retry = api.post(registrations, """
                    {"registrationId":"r599","userId":"user599","name":"P599","email":"p599@example.com",
                     "role":"ATTENDEE"}""");
            var next = api.post(registrations, registerJson("new", "newbie", "ATTENDEE"));

            assertThat(duplicate.status()).as("user7 registered before the snapshot").isEqualTo(409);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.json().get("version").asLong()).isEqualTo(601);
            assertThat(next.status()).isEqualTo(201);
            assertThat(next.json().get("version").asLong()).isEqualTo(602);
        }
    }

    /**
     * Jackson ignores fields it does not know, so a snapshot of the aggregate's first layout (registrations in
     * a map on the aggregate itself) would restore a conference without them, and let everyone register twice.
     */
    @Test
    void a_snapshot_of_an_older_layout_is_skipped_and_the_conference_replayed_from_its_events() {
        var eventId = publishedWithAttendees("old-layout-", 3);
        storeSnapshotInFirstLayout(eventId, 3);
        assertThat(eventStore.readEvents(eventId).peek().getPayloadType()).as("loading starts at the first event")
                .isEqualTo(ConferenceScheduled.class);

        try (var fresh = AnotherInstance.beside(environment)) {
            var registrations = "/api/events/" + eventId + "/registrations";
            var api = new HttpJson(AnotherInstance.url(fresh)).withBearer(TestIssuer.organizer("acme"));

            var again = api.post(registrations, registerJson("again", "user2", "ATTENDEE"));
            var next = api.post(registrations, registerJson("next", "newbie", "ATTENDEE"));

            assertThat(again.status()).as("user2 registered, as the events say").isEqualTo(409);
            assertThat(next.status()).isEqualTo(201);
            assertThat(next.json().get("version").asLong()).isEqualTo(5);
        }
    }

    /**
     * Revision 2 had no organization: restored from it, the conference would take its own organizers for
     * strangers and answer them 404.
     */
    @Test
    void a_snapshot_from_before_the_conference_knew_its_organization_is_skipped() {
        var eventId = publishedWithAttendees("no-org-", 3);
        storeSnapshot(eventId, 3, "2", """
                {"eventId":"%s","status":"PUBLISHED","capacity":1000,"sessions":{"byId":{}},
                 "registrations":{"byId":{%s},"activeByUser":{%s},"attendees":3}}"""
                .formatted(eventId, registrations(eventId, 3), users(3)));
        assertThat(eventStore.readEvents(eventId).peek().getPayloadType()).as("loading starts at the first event")
                .isEqualTo(ConferenceScheduled.class);

        try (var fresh = AnotherInstance.beside(environment)) {
            var api = new HttpJson(AnotherInstance.url(fresh)).withBearer(TestIssuer.organizer("acme"));

            var next = api.post("/api/events/" + eventId + "/registrations", registerJson("next", "newbie",
                    "ATTENDEE"));

            assertThat(next.status()).as(next.toString()).isEqualTo(201);
            assertThat(next.json().get("version").asLong()).isEqualTo(5);
        }
    }

    /** At the latest sequence, as the aggregate stored itself before @Revision("2"): without a revision. */
    private void storeSnapshotInFirstLayout(String eventId, int count) {
        storeSnapshot(eventId, count, null, """
                {"eventId":"%s","status":"PUBLISHED","capacity":1000,"attendees":%s,"sessions":{},
                 "registrations":{%s},"activeRegistrationByUser":{%s}}"""
                .formatted(eventId, count, registrations(eventId, count), users(count)));
    }

    /** Registrations r0, r1, … of user0, user1, … as RegistrationState by id, stored at versions 2, 3, … */
    private static String registrations(String eventId, int count) {
        return IntStream.range(0, count).mapToObj(i -> """
                "r%d":{"registeredAtVersion":%d,"active":true,"registered":{"eventId":"%s","registrationId":"r%1$d",
                "userId":"user%1$d","name":"P%1$d","email":"p%1$d@example.com","role":"ATTENDEE",
                "at":"2026-11-26T10:00:00Z"}}""".formatted(i, i + 2, eventId)).collect(Collectors.joining(","));
    }

    private static String users(int count) {
        return IntStream.range(0, count).mapToObj(i -> "\"user%d\":\"r%1$d\"".formatted(i))
                .collect(Collectors.joining(","));
    }

    private void storeSnapshot(String eventId, int count, String revision, String payload) {
        jdbc.sql("""
                        insert into snapshot_event_entry (aggregate_identifier, sequence_number, type,
                            event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                        values (?, ?, 'Conference', ?, ?, ?, ?, ?, '2026-11-26T10:00:00Z')""")
                .params(eventId, count + 1L, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                        payload.getBytes(StandardCharsets.UTF_8), revision, Conference.class.getName())
                .update();
    }

    /** Sequence 0 scheduled, 1 published, then one registration each of user0, user1, …: version 1 + count. */
    private String publishedWithAttendees(String prefix, int count) {
        var eventId = prefix + UUID.randomUUID();
        var at = Instant.parse("2026-11-26T10:00:00Z");
        var organizer = new Actor("organizer-of-acme", Set.of("acme"), false);
        gateway.sendAndWait(new ScheduleConference(eventId, "acme", "Big", LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-03-02"), 1_000, at, organizer));
        gateway.sendAndWait(new ChangeStatus(eventId, ConferenceStatus.PUBLISHED, at, organizer));
        for (int from = 0; from < count; from += 50) {
            gateway.sendAndWait(new RegisterPeople(eventId, IntStream.range(from, Math.min(count, from + 50))
                    .mapToObj(i -> new RegisterPerson(eventId, "r" + i, "user" + i, "P" + i, "p" + i + "@example.com",
                            Role.ATTENDEE, at, organizer)).toList()));
        }
        return eventId;
    }
}
