package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.infra.HttpJson;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every hop for real: HTTP, Axon, PostgreSQL event store, relay, Kafka, projector, PostgreSQL, HTTP. */
class EndToEndTest {

    private static EventFoldSystem system;
    private static HttpJson commands;
    private static HttpJson queries;

    @BeforeAll
    static void start() {
        system = EventFoldSystem.start();
        commands = new HttpJson(system.url(EventFoldSystem.Service.COMMAND));
        queries = new HttpJson(system.url(EventFoldSystem.Service.QUERY));
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void a_registration_shows_on_the_dashboard() {
        var eventId = "e2e-" + UUID.randomUUID();
        var created = commands.post("/api/events", """
                {"eventId":"%s","organizationId":"acme","name":"DevConf","startDate":"2027-03-01",
                 "endDate":"2027-03-03","capacity":100}""".formatted(eventId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        commands.post("/api/events/" + eventId + "/status", "{\"status\":\"PUBLISHED\"}");

        var registered = commands.post("/api/events/" + eventId + "/registrations", """
                {"userId":"ada","name":"Ada Lovelace","email":"ada@example.com","role":"ATTENDEE"}""");

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
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
