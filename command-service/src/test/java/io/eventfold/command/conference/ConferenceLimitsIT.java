package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static io.eventfold.command.conference.ConferenceFixtures.scheduleJson;
import static io.eventfold.command.conference.ConferenceFixtures.statusJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.command.CommandServiceTest;
import io.eventfold.infra.HttpJson;
import io.eventfold.infra.HttpJson.Response;
import io.eventfold.testsupport.TestIssuer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The limits as configured answer as documented: a count 409, a text size 400 naming the field. */
@CommandServiceTest
@TestPropertySource(properties = {"eventfold.conference.limits.sessions=1",
    "eventfold.conference.limits.attendees=1", "eventfold.conference.limits.name-length=20",
    "eventfold.conference.limits.bio-length=30"})
class ConferenceLimitsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpJson api;
    String events;

    @BeforeEach
    void publishedConference() {
        api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        var eventId = "limits-" + UUID.randomUUID();
        events = "/api/events/" + eventId;
        assertThat(api.post("/api/events", scheduleJson(eventId, 10)).status()).isEqualTo(201);
        assertThat(api.post(events + "/status", statusJson("PUBLISHED")).status()).isEqualTo(200);
    }

    @Test
    void a_count_beyond_its_limit_is_a_409_rule_and_stores_nothing() {
        assertThat(api.post(events + "/sessions", session("s1")).status()).isEqualTo(201);
        assertThat(api.post(events + "/registrations", registerJson("r1", "ada", "ATTENDEE")).status())
                .isEqualTo(201);

        var session = api.post(events + "/sessions", session("s2"));
        var attendee = api.post(events + "/registrations", registerJson("r2", "bob", "ATTENDEE"));

        assertThat(session.status()).as(session.toString()).isEqualTo(409);
        assertThat(session.contentType()).startsWith("application/problem+json");
        assertThat(session.json().get("title").asString()).isEqualTo("Rule violated");
        assertThat(session.json().get("detail").asString())
                .isEqualTo("The event holds its limit of 1 sessions, cancelled ones included");
        assertThat(attendee.status()).as(attendee.toString()).isEqualTo(409);
        assertThat(attendee.json().get("detail").asString())
                .isEqualTo("The event holds its limit of 1 ATTENDEE registrations");
        assertThat(storedEvents()).as("scheduled, published, s1, r1").isEqualTo(4);
    }

    @Test
    void a_text_beyond_its_limit_is_a_400_naming_the_field_and_stores_nothing() {
        assertThat(api.post(events + "/sessions", session("s1")).status()).isEqualTo(201);
        var register = api.post(events + "/registrations", """
                {"registrationId":"r1","userId":"ada","name":"Ada Augusta King-Noel","email":"ada@example.com",
                 "role":"ATTENDEE"}""");
        var speaker = api.put(events + "/sessions/s1/speakers/ann", """
                {"name":"Ann","bio":"%s"}""".formatted("b".repeat(31)));

        assertThat(register.status()).as(register.toString()).isEqualTo(400);
        assertThat(register.contentType()).startsWith("application/problem+json");
        assertThat(onlyError(register)).containsExactly("name", "must be at most 20 characters long");
        assertThat(speaker.status()).as(speaker.toString()).isEqualTo(400);
        assertThat(onlyError(speaker)).containsExactly("bio", "must be at most 30 characters long");
        assertThat(storedEvents()).as("scheduled, published, s1").isEqualTo(3);
    }

    /** The field and message of the answer's one error. */
    private static List<String> onlyError(Response answer) {
        var errors = answer.json().get("errors");
        assertThat(errors.size()).as(answer.toString()).isEqualTo(1);
        return List.of(errors.get(0).get("field").asString(), errors.get(0).get("message").asString());
    }

    private static String session(String sessionId) {
        return """
                {"sessionId":"%s","title":"Talk","room":"A","startsAt":"2027-03-01T09:00:00Z",
                 "endsAt":"2027-03-01T10:00:00Z"}""".formatted(sessionId);
    }

    private long storedEvents() {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(events.substring("/api/events/".length())).query(Long.class).single();
    }
}
