package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static io.eventfold.command.conference.ConferenceFixtures.scheduleJson;
import static io.eventfold.command.conference.ConferenceFixtures.statusJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.command.CommandServiceTest;
import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import io.eventfold.infra.HttpJson.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The HTTP contract of command-service, over real HTTP against the real event store. */
@CommandServiceTest
class ConferenceApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpJson api;
    String eventId;

    @BeforeEach
    void setUp() {
        api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        eventId = "conf-" + UUID.randomUUID();
    }

    private long storedEvents() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    /** Runs a refused request and checks that it stored nothing. */
    private Response refused(Supplier<Response> request) {
        long before = storedEvents();
        var response = request.get();
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(storedEvents()).as("a refused command stores nothing").isEqualTo(before);
        return response;
    }

    private Response publishedEvent(int capacity) {
        api.post("/api/events", scheduleJson(eventId, capacity));
        return api.post("/api/events/" + eventId + "/status", statusJson("PUBLISHED"));
    }

    private String path(String suffix) {
        return "/api/events/" + eventId + suffix;
    }

    @Nested
    class Success {

        @Test
        void scheduling_answers_201_with_id_version_and_position() {
            var response = api.post("/api/events", scheduleJson(eventId, 100));

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.json().get("eventId").asString()).isEqualTo(eventId);
            assertThat(response.json().get("version").asLong()).isZero();
            assertThat(response.json().get("position").asLong()).isPositive();
        }

        @Test
        void an_event_without_a_client_id_gets_one() {
            var response = api.post("/api/events", scheduleJson(eventId, 100).replace("\"eventId\":\"" + eventId
                    + "\",", ""));

            assertThat(response.status()).isEqualTo(201);
            assertThat(UUID.fromString(response.json().get("eventId").asString())).isNotNull();
        }

        @Test
        void every_endpoint_answers_with_the_new_version_and_a_growing_position() {
            var published = publishedEvent(10);
            var session = api.post(path("/sessions"), """
                    {"sessionId":"s1","title":"Keynote","room":"Main","startsAt":"2027-03-01T09:00:00Z",
                     "endsAt":"2027-03-01T10:00:00Z"}""");
            var room = api.put(path("/sessions/s1/room"), "{\"room\":\"Hall 2\"}");
            var speaker = api.put(path("/sessions/s1/speakers/ann"), "{\"name\":\"Ann\",\"company\":\"ACME\"}");
            var unassigned = api.delete(path("/sessions/s1/speakers/ann"));
            var registered = api.post(path("/registrations"), registerJson("r1", "ada", "ATTENDEE"));
            var unregistered = api.delete(path("/registrations/r1"));
            var cancelled = api.delete(path("/sessions/s1"));

            assertThat(published.status()).isEqualTo(200);
            assertThat(session.status()).isEqualTo(201);
            assertThat(session.json().get("sessionId").asString()).isEqualTo("s1");
            assertThat(registered.status()).isEqualTo(201);
            assertThat(registered.json().get("registrationId").asString()).isEqualTo("r1");
            var all = java.util.List.of(published, session, room, speaker, unassigned, registered, unregistered,
                    cancelled);
            assertThat(all).extracting(Response::status).allMatch(status -> status == 200 || status == 201);
            assertThat(all).extracting(r -> r.json().get("version").asLong())
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(all).extracting(r -> r.json().get("position").asLong()).isSorted().doesNotHaveDuplicates();
        }

        @Test
        void a_no_op_answers_the_current_version_and_position() {
            var published = publishedEvent(10);

            var again = api.post(path("/status"), statusJson("PUBLISHED"));

            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("version").asLong()).isEqualTo(1);
            assertThat(again.json().get("position").asLong()).isEqualTo(published.json().get("position").asLong());
        }
    }

    @Nested
    class IdempotentRetries {

        @Test
        void the_same_event_again_returns_the_original_result_and_stores_nothing() {
            var first = api.post("/api/events", scheduleJson(eventId, 100));
            long before = storedEvents();

            var retry = api.post("/api/events", scheduleJson(eventId, 100));

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(storedEvents()).isEqualTo(before);
        }

        @Test
        void the_same_event_id_with_other_details_is_a_conflict() {
            api.post("/api/events", scheduleJson(eventId, 100));

            var response = refused(() -> api.post("/api/events", scheduleJson(eventId, 200)));

            assertThat(response.status()).isEqualTo(409);
        }

        @Test
        void the_same_registration_again_returns_the_original_result_even_after_later_changes() {
            publishedEvent(10);
            var first = api.post(path("/registrations"), registerJson("r1", "ada", "ATTENDEE"));
            api.post(path("/registrations"), registerJson("r2", "bob", "ATTENDEE"));

            var retry = refusedOrSame(() -> api.post(path("/registrations"), registerJson("r1", "ada", "ATTENDEE")));
            var other = refused(() -> api.post(path("/registrations"), registerJson("r1", "ada", "SPEAKER")));

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(other.status()).isEqualTo(409);
        }

        @Test
        void the_same_session_again_returns_the_original_result() {
            api.post("/api/events", scheduleJson(eventId, 10));
            var body = """
                    {"sessionId":"s1","title":"Keynote","room":"Main","startsAt":"2027-03-01T09:00:00Z",
                     "endsAt":"2027-03-01T10:00:00Z"}""";
            var first = api.post(path("/sessions"), body);

            var retry = refusedOrSame(() -> api.post(path("/sessions"), body));

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
        }

        private Response refusedOrSame(Supplier<Response> request) {
            long before = storedEvents();
            var response = request.get();
            assertThat(storedEvents()).isEqualTo(before);
            return response;
        }
    }

    @Nested
    class BadRequests {

        @Test
        void every_missing_field_is_listed() {
            var response = refused(() -> api.post("/api/events", "{}"));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsString("field"))
                    .contains("organizationId", "name", "startDate", "endDate", "capacity");
        }

        @Test
        void out_of_range_and_inconsistent_values_are_named() {
            var response = refused(() -> api.post("/api/events", """
                    {"organizationId":"acme","name":"%s","startDate":"2027-03-05","endDate":"2027-03-01",
                     "capacity":0}""".formatted("x".repeat(201))));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("name", "capacity", "endDate");
        }

        @Test
        void capacity_over_a_million_blank_names_and_bad_emails_are_refused() {
            publishedEvent(10);

            var capacity = refused(() -> api.post("/api/events", scheduleJson("x-" + eventId, 1_000_001)));
            var registration = refused(() -> api.post(path("/registrations"), """
                    {"userId":"ada","name":"  ","email":"not-an-email","role":"ATTENDEE"}"""));

            assertThat(capacity.status()).isEqualTo(400);
            assertThat(registration.status()).isEqualTo(400);
            assertThat(registration.json().get("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("name", "email");
        }

        @Test
        void a_session_must_end_after_it_starts_and_fit_its_limits() {
            api.post("/api/events", scheduleJson(eventId, 10));

            var response = refused(() -> api.post(path("/sessions"), """
                    {"title":"%s","room":"%s","startsAt":"2027-03-01T10:00:00Z","endsAt":"2027-03-01T10:00:00Z"}"""
                    .formatted("t".repeat(201), "r".repeat(101))));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("title", "room", "endsAt");
        }

        @Test
        void malformed_json_wrong_types_and_unknown_enum_values_are_400() {
            api.post("/api/events", scheduleJson(eventId, 10));

            var malformed = refused(() -> api.post("/api/events", "{\"name\": "));
            var wrongType = refused(() -> api.post("/api/events",
                    scheduleJson(eventId, 1).replace("1}", "\"lots\"}")));
            var unknownStatus = refused(() -> api.post(path("/status"), statusJson("OPEN")));
            var unknownRole = refused(() -> api.post(path("/registrations"), registerJson("r", "u", "VIP")));

            assertThat(malformed.status()).isEqualTo(400);
            assertThat(wrongType.status()).isEqualTo(400);
            assertThat(wrongType.json().get("detail").asString()).contains("capacity");
            assertThat(unknownStatus.status()).isEqualTo(400);
            assertThat(unknownStatus.json().get("detail").asString()).contains("status");
            assertThat(unknownRole.status()).isEqualTo(400);
        }

        @Test
        void an_id_that_cannot_travel_in_a_url_is_refused() {
            var response = refused(() -> api.post("/api/events", scheduleJson("has space", 10)));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("eventId");
        }

        @Test
        void control_characters_in_any_text_are_refused_with_the_field_named() {
            publishedEvent(10);

            var schedule = refused(() -> api.post("/api/events", scheduleJson("x-" + eventId, 10)
                    .replace("DevConf", "Dev\\u0000Conf")));
            var session = refused(() -> api.post(path("/sessions"), """
                    {"title":"Key\\u001bnote","room":"Main\\u007f","startsAt":"2027-03-01T09:00:00Z",
                     "endsAt":"2027-03-01T10:00:00Z"}"""));
            var speaker = refused(() -> api.put(path("/sessions/s1/speakers/ann"),
                    "{\"name\":\"Ann\",\"bio\":\"half \\ud83d pair\",\"company\":\"AC\\nME\"}"));
            var registration = refused(() -> api.post(path("/registrations"),
                    registerJson("r1", "ada", "ATTENDEE").replace("Person ada", "Person\\tada")));

            assertThat(schedule.status()).isEqualTo(400);
            assertThat(schedule.json().get("errors").findValuesAsString("field")).containsExactly("name");
            assertThat(session.json().get("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("title", "room");
            assertThat(speaker.json().get("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("bio", "company");
            assertThat(registration.json().get("errors").findValuesAsString("field")).containsExactly("name");
        }

        @Test
        void text_beyond_the_basic_plane_is_accepted() {
            api.post("/api/events", scheduleJson(eventId, 10));

            var session = api.post(path("/sessions"), """
                    {"title":"Keynote \\ud83c\\udf89 🎉","room":"Main","startsAt":"2027-03-01T09:00:00Z",
                     "endsAt":"2027-03-01T10:00:00Z"}""");

            assertThat(session.status()).as(session.toString()).isEqualTo(201);
        }

        @Test
        void dates_outside_years_1_to_9999_are_refused_with_the_field_named() {
            api.post("/api/events", scheduleJson(eventId, 10));

            var schedule = refused(() -> api.post("/api/events", scheduleJson("x-" + eventId, 10)
                    .replace("\"endDate\":\"2027-03-03\"", "\"endDate\":\"+5874898-01-01\"")));
            var session = refused(() -> api.post(path("/sessions"), """
                    {"title":"Keynote","room":"Main","startsAt":"-0001-12-31T09:00:00Z",
                     "endsAt":"+10000-01-01T00:00:00Z"}"""));

            assertThat(schedule.status()).isEqualTo(400);
            assertThat(schedule.json().get("errors").findValuesAsString("field")).containsExactly("endDate");
            assertThat(session.status()).isEqualTo(400);
            assertThat(session.json().get("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("startsAt", "endsAt");
        }

        @Test
        void a_body_over_64_kib_is_413_and_a_non_json_body_415() {
            var huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";

            var tooLarge = refused(() -> api.post("/api/events", huge));
            var chunked = refused(() -> api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/events")).header("Content-Type", "application/json").POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))));
            var plainText = refused(() -> api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/events")).header("Content-Type", "text/plain").POST(
                    HttpRequest.BodyPublishers.ofString(scheduleJson(eventId, 10)))));

            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(chunked.status()).isEqualTo(413);
            assertThat(plainText.status()).isEqualTo(415);
        }
    }

    @Nested
    class NotFound {

        @Test
        void unknown_events_sessions_speakers_and_registrations_are_404() {
            api.post("/api/events", scheduleJson(eventId, 10));

            var event = refused(() -> api.post("/api/events/nope/status", statusJson("PUBLISHED")));
            var session = refused(() -> api.put(path("/sessions/nope/room"), "{\"room\":\"A\"}"));
            var speaker = refused(() -> api.delete(path("/sessions/nope/speakers/ann")));
            var registration = refused(() -> api.delete(path("/registrations/nope")));
            var registering = refused(() -> api.post("/api/events/nope/registrations",
                    registerJson("r1", "ada", "ATTENDEE")));

            assertThat(java.util.List.of(event, session, speaker, registration, registering))
                    .extracting(Response::status).containsOnly(404);
            assertThat(event.json().get("detail").asString()).contains("nope");
            assertThat(registering.json().get("detail").asString()).contains("nope");
        }
    }

    @Nested
    class Conflicts {

        @Test
        void rule_violations_are_409_with_the_rule_in_the_detail() {
            publishedEvent(1);
            api.post(path("/registrations"), registerJson("r1", "ada", "ATTENDEE"));

            var full = refused(() -> api.post(path("/registrations"), registerJson("r2", "bob", "ATTENDEE")));
            var twice = refused(() -> api.post(path("/registrations"), registerJson("r3", "ada", "SPEAKER")));
            var backwards = refused(() -> api.post(path("/status"), statusJson("DRAFT")));

            assertThat(full.status()).isEqualTo(409);
            assertThat(full.json().get("detail").asString()).contains("full");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(backwards.status()).isEqualTo(409);
            assertThat(backwards.json().get("detail").asString()).contains("PUBLISHED", "DRAFT");
        }

        @Test
        void a_cancelled_event_takes_no_changes() {
            api.post("/api/events", scheduleJson(eventId, 10));
            api.post(path("/status"), statusJson("CANCELLED"));

            var session = refused(() -> api.post(path("/sessions"), """
                    {"title":"Keynote","room":"Main","startsAt":"2027-03-01T09:00:00Z",
                     "endsAt":"2027-03-01T10:00:00Z"}"""));

            assertThat(session.status()).isEqualTo(409);
        }
    }
}
