package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.infra.HttpJson;
import io.eventfold.reference.ReferenceStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every hop for real: HTTP, Axon, PostgreSQL event store, relay, Kafka, projector, PostgreSQL, HTTP. On the
 * {@link SharedSystem}: what it writes is mirrored into the oracle's classic tables.
 */
class EndToEndIT {

    private static HttpJson commands;
    private static HttpJson queries;
    private static ReferenceStore reference;

    @BeforeAll
    static void start() {
        var system = SharedSystem.system();
        commands = new HttpJson(system.url(EventFoldSystem.Service.COMMAND));
        queries = new HttpJson(system.url(EventFoldSystem.Service.QUERY));
        reference = SharedSystem.oracle().reference();
    }

    @Test
    void a_registration_shows_on_the_dashboard() {
        var eventId = "e2e-" + UUID.randomUUID();
        var created = commands.post("/api/events", """
                {"eventId":"%s","organizationId":"acme","name":"DevConf","startDate":"2027-03-01",
                 "endDate":"2027-03-03","capacity":100}""".formatted(eventId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        reference.scheduleEvent(eventId, "acme", "DevConf", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 3), 100);
        var published = commands.post("/api/events/" + eventId + "/status", "{\"status\":\"PUBLISHED\"}");
        if (published.status() == 200 || published.status() == 201) {
            reference.changeStatus(eventId, "PUBLISHED");
        }

        var registered = commands.post("/api/events/" + eventId + "/registrations", """
                {"userId":"ada","name":"Ada Lovelace","email":"ada@example.com","role":"ATTENDEE"}""");

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        reference.register(eventId, registered.json().get("registrationId").asString(), "ada", "Ada Lovelace",
                "ada@example.com", "ATTENDEE");
        var version = registered.json().get("version").asLong();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var dashboard = queries.get("/api/events/" + eventId + "/dashboard");
            assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
            assertThat(dashboard.json().get("version").asLong()).isEqualTo(version);
        });
        var dashboard = queries.get("/api/events/" + eventId + "/dashboard").json();
        assertThat(dashboard.get("event").get("id").asString()).isEqualTo(eventId);
        assertThat(dashboard.get("event").get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(dashboard.get("event").get("capacity").asInt()).isEqualTo(100);
        assertThat(dashboard.get("stats").get("attendee_count").asInt()).isEqualTo(1);
        assertThat(dashboard.get("recent_registrations").get(0).get("name").asString()).isEqualTo("Ada Lovelace");
    }

    @Test
    void an_unknown_event_is_a_404_problem() {
        var response = queries.get("/api/events/no-such-event/dashboard");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("no-such-event");
    }
}
