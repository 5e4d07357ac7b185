package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.command.AnotherInstance;
import io.eventfold.command.CommandServiceTest;
import io.eventfold.command.conference.ConferenceCommands.ChangeStatus;
import io.eventfold.command.conference.ConferenceCommands.RegisterPerson;
import io.eventfold.command.conference.ConferenceCommands.ScheduleEvent;
import io.eventfold.contracts.conference.EventStatus;
import io.eventfold.contracts.registration.Role;
import io.eventfold.infra.HttpJson;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A big conference is loaded from a snapshot plus a short tail of events, not replayed from its start.
 * How fast that is, is measured by the bench module; this test proves the mechanism and its correctness.
 */
@CommandServiceTest
class LargeConferenceTest {

    @Autowired
    CommandGateway gateway;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    @Test
    void a_fresh_instance_decides_on_state_restored_from_the_latest_snapshot() {
        var eventId = "big-" + UUID.randomUUID();
        var at = Instant.parse("2026-11-26T10:00:00Z");
        gateway.sendAndWait(new ScheduleEvent(eventId, "acme", "Big", LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-03-02"), 1_000, at));
        gateway.sendAndWait(new ChangeStatus(eventId, EventStatus.PUBLISHED, at));
        for (int i = 0; i < 600; i++) {
            gateway.sendAndWait(new RegisterPerson(eventId, "r" + i, "user" + i, "P" + i, "p" + i + "@example.com",
                    Role.ATTENDEE, at));
        }

        // Snapshots are written on their own thread, after the command that crossed the threshold.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                        "select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?")
                .param(eventId).query(Long.class).single()).as("snapshot every 250 events").isBetween(400L, 601L));

        try (var fresh = AnotherInstance.beside(environment)) {
            var api = new HttpJson(AnotherInstance.url(fresh));

            var registrations = "/api/events/" + eventId + "/registrations";
            var duplicate = api.post(registrations, registerJson("x", "user7", "ATTENDEE"));
            var retry = api.post("/api/events/" + eventId + "/registrations", """
                    {"registrationId":"r599","userId":"user599","name":"P599","email":"p599@example.com",
                     "role":"ATTENDEE"}""");
            var next = api.post("/api/events/" + eventId + "/registrations",
                    registerJson("new", "newbie", "ATTENDEE"));

            assertThat(duplicate.status()).as("user7 registered before the snapshot").isEqualTo(409);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.json().get("version").asLong()).isEqualTo(601);
            assertThat(next.status()).isEqualTo(201);
            assertThat(next.json().get("version").asLong()).isEqualTo(602);
        }
    }
}
