package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.infra.HttpJson;
import io.eventfold.infra.PostgresServer;
import io.eventfold.reference.ReferenceStore;
import io.eventfold.testsupport.TestIssuer;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every hop for real: HTTP, Axon, PostgreSQL event store, relay, Kafka, projector, PostgreSQL, HTTP. On the
 * {@link SharedSystem}: what it writes is mirrored into the oracle's classic tables. The clients act as an
 * organizer of every test organization ({@link Tokens}), except where a test checks who may do what.
 */
class EndToEndIT {

    private static EventFoldSystem system;
    private static HttpJson commands;
    private static HttpJson queries;
    private static ReferenceStore reference;

    @BeforeAll
    static void start() {
        system = SharedSystem.system();
        commands = Tokens.organizer(system.url(Service.COMMAND));
        queries = Tokens.organizer(system.url(Service.QUERY));
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

    @Test
    void without_a_token_every_service_answers_401_and_a_command_stores_nothing() throws SQLException {
        var eventId = "e2e-anonymous-" + UUID.randomUUID();
        var refusals = List.of(
                new HttpJson(system.url(Service.COMMAND)).post("/api/events", schedule(eventId)),
                new HttpJson(system.url(Service.QUERY)).get("/api/events/search?size=1"),
                new HttpJson(system.url(Service.PROJECTION)).get("/admin/projections"));
        if (refusals.get(0).status() == 201) { // stored after all: the oracle's tables must have it too
            reference.scheduleEvent(eventId, "acme", "DevConf", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 3),
                    100);
        }

        assertThat(refusals).allSatisfy(refused -> {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        });
        assertThat(storedEvents(eventId)).as("events stored for the refused schedule").isZero();
    }

    @Test
    void an_attendee_registering_someone_else_is_refused_and_nothing_is_stored() throws SQLException {
        var eventId = publishedConference();
        var attendee = new HttpJson(system.url(Service.COMMAND)).withBearer(TestIssuer.attendee("ada"));

        var refused = attendee.post("/api/events/" + eventId + "/registrations", """
                {"registrationId":"for-grace","userId":"grace","name":"Grace Hopper","email":"grace@example.com",
                 "role":"ATTENDEE"}""");
        mirrorIfAccepted(eventId, refused, "grace", "Grace Hopper", "grace@example.com");
        var herself = attendee.post("/api/events/" + eventId + "/registrations", """
                {"registrationId":"for-ada","userId":"ada","name":"Ada Lovelace","email":"ada@example.com",
                 "role":"ATTENDEE"}""");
        mirrorIfAccepted(eventId, herself, "ada", "Ada Lovelace", "ada@example.com");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(herself.status()).as("registering herself: " + herself).isEqualTo(201);
        assertThat(RegistrationWriters.storedRegistrations(system.databaseUrl()))
                .as("registrations stored").containsKey("for-ada").doesNotContainKey("for-grace");
    }

    @Test
    void a_readers_dashboard_carries_no_personal_data() {
        var eventId = publishedConference();
        var registered = commands.post("/api/events/" + eventId + "/registrations", """
                {"userId":"linus","name":"Linus Torvalds","email":"linus@example.com","role":"ATTENDEE"}""");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        reference.register(eventId, registered.json().get("registrationId").asString(), "linus", "Linus Torvalds",
                "linus@example.com", "ATTENDEE");
        var version = registered.json().get("version").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                queries.get("/api/events/" + eventId + "/dashboard?minVersion=" + version).status() == 200);

        var dashboard = new HttpJson(system.url(Service.QUERY)).withBearer(TestIssuer.reader("acme"))
                .get("/api/events/" + eventId + "/dashboard?minVersion=" + version);

        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        assertThat(dashboard.body()).doesNotContain("linus@example.com", "Linus Torvalds");
        JsonNode recent = dashboard.json().get("recent_registrations");
        assertThat(recent).hasSize(1);
        assertThat(recent.get(0).propertyNames()).contains("registrationId", "role", "registeredAt")
                .doesNotContain("userId", "name", "email");
    }

    /** A published conference of acme, mirrored into the oracle's tables as every command on this system is. */
    private static String publishedConference() {
        var eventId = "e2e-" + UUID.randomUUID();
        var created = commands.post("/api/events", schedule(eventId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        reference.scheduleEvent(eventId, "acme", "DevConf", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 3), 100);
        var published = commands.post("/api/events/" + eventId + "/status", "{\"status\":\"PUBLISHED\"}");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        reference.changeStatus(eventId, "PUBLISHED");
        return eventId;
    }

    private static String schedule(String eventId) {
        return """
                {"eventId":"%s","organizationId":"acme","name":"DevConf","startDate":"2027-03-01",
                 "endDate":"2027-03-03","capacity":100}""".formatted(eventId);
    }

    /** A registration the service stored, refused or not, must be in the oracle's tables: other tests compare all. */
    private static void mirrorIfAccepted(String eventId, HttpJson.Response response, String userId, String name,
                                         String email) {
        if (response.status() == 201) {
            reference.register(eventId, response.json().get("registrationId").asString(), userId, name, email,
                    "ATTENDEE");
        }
    }

    private static long storedEvents(String aggregateId) throws SQLException {
        try (var connection = DriverManager.getConnection(system.databaseUrl(), PostgresServer.USER, "");
             var count = connection.prepareStatement(
                     "select count(*) from event_store.domain_event_entry where aggregate_identifier = ?")) {
            count.setString(1, aggregateId);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
