package io.eventfold.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.command.CommandServiceTest;
import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal data is stored sealed, opens for the aggregate, and is forgotten on request. */
@CommandServiceTest
class PersonalDataIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Cache conferences;

    HttpJson organizer;
    String eventId;
    String user;

    @BeforeEach
    void publishedConference() {
        organizer = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        eventId = "conf-" + UUID.randomUUID();
        user = "person-" + UUID.randomUUID();
        publish(eventId);
    }

    private void publish(String id) {
        assertThat(organizer.post("/api/events", """
                {"eventId":"%s","organizationId":"acme","name":"DevConf","startDate":"2027-03-01",\
                "endDate":"2027-03-02","capacity":100}""".formatted(id)).status()).isEqualTo(201);
        assertThat(organizer.post("/api/events/" + id + "/status", "{\"status\":\"PUBLISHED\"}").status())
                .isEqualTo(200);
    }

    private HttpJson.Response register(String conference, String registrationId, String email) {
        return organizer.post("/api/events/" + conference + "/registrations", """
                {"registrationId":"%s","userId":"%s","name":"Zyxwv Quartz","email":"%s","role":"ATTENDEE"}"""
                .formatted(registrationId, user, email));
    }

    private List<String> storedPayloads(String conference) {
        return jdbc.sql("select payload_type, payload from domain_event_entry where aggregate_identifier = ? "
                        + "order by sequence_number").param(conference)
                .query((row, n) -> row.getString(1) + " " + new String(row.getBytes(2), StandardCharsets.UTF_8))
                .list();
    }

    private UUID keyOf(String userId) {
        return jdbc.sql("select key_id from privacy.person_key where user_id = ?").param(userId)
                .query(UUID.class).optional().orElse(null);
    }

    @Test
    void the_store_holds_personal_fields_sealed_and_an_aggregate_loaded_from_it_opens_them() {
        var email = user + "@quartz.example";
        var first = register(eventId, "reg-1", email);
        assertThat(first.status()).isEqualTo(201);

        var stored = storedPayloads(eventId);
        assertThat(stored).anyMatch(p -> p.startsWith("registration.person-registered.v2 ") && p.contains("\"sealed\""));
        assertThat(String.join("\n", stored)).doesNotContain(email, "Zyxwv", "Quartz");
        assertThat(keyOf(user)).isNotNull();

        conferences.removeAll();
        var retried = register(eventId, "reg-1", email);
        conferences.removeAll();
        var changed = register(eventId, "reg-1", "other-" + email);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.json().get("version").asLong()).isEqualTo(first.json().get("version").asLong());
        assertThat(changed.status()).as("the loaded registration's details were opened and compared")
                .isEqualTo(409);
    }

    @Test
    void a_person_forgets_themself_once_and_a_later_registration_gets_a_new_key() {
        var second = "conf-" + UUID.randomUUID();
        publish(second);
        register(eventId, "reg-a", user + "@quartz.example");
        register(second, "reg-b", user + "@quartz.example");
        var oldKey = keyOf(user);
        var self = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.attendee(user));

        var forgotten = self.post("/api/people/" + user + "/forget", "");
        var again = self.post("/api/people/" + user + "/forget", "");

        assertThat(forgotten.status()).as(forgotten.toString()).isEqualTo(200);
        assertThat(forgotten.json().get("conferences").values().stream().map(n -> n.asString()))
                .containsExactlyInAnyOrder(eventId, second);
        assertThat(forgotten.json().get("keyDeleted").asBoolean()).isTrue();
        assertThat(forgotten.json().get("position").asLong()).isPositive();
        assertThat(keyOf(user)).isNull();
        for (var conference : List.of(eventId, second)) {
            var last = storedPayloads(conference).get(storedPayloads(conference).size() - 1);
            assertThat(last).startsWith("person.person-forgotten.v1 ").contains(user).doesNotContain("quartz");
        }
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("conferences").size()).isZero();
        assertThat(again.json().get("keyDeleted").asBoolean()).isFalse();

        var third = "conf-" + UUID.randomUUID();
        publish(third);
        assertThat(register(third, "reg-c", user + "@quartz.example").status()).isEqualTo(201);
        assertThat(keyOf(user)).isNotNull().isNotEqualTo(oldKey);
    }

    @Test
    void a_conference_holding_an_event_of_a_newer_version_refuses_every_command_saying_why() {
        register(eventId, "reg-1", user + "@quartz.example");
        jdbc.sql("""
                insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                select gen_random_uuid()::text, meta_data, payload, payload_revision,
                    'registration.person-registered.v3', time_stamp, aggregate_identifier, sequence_number + 1, type
                from domain_event_entry where aggregate_identifier = ? order by sequence_number desc limit 1""")
                .param(eventId).update();
        var stored = storedPayloads(eventId).size();

        var refused = register(eventId, "reg-2", "other@quartz.example");

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asString()).isEqualTo("Unreadable conference history");
        assertThat(refused.json().get("detail").asString()).contains(eventId, "registration.person-registered.v3",
                "written by a newer EventFold");
        assertThat(storedPayloads(eventId)).hasSize(stored);
    }

    @Test
    void only_the_person_or_a_privacy_officer_forgets_them() {
        register(eventId, "reg-1", user + "@quartz.example");
        var base = new HttpJson("http://localhost:" + port);

        var other = base.withBearer(TestIssuer.attendee("someone-else")).post("/api/people/" + user + "/forget", "");
        var organizerTries = organizer.post("/api/people/" + user + "/forget", "");
        var anonymous = base.post("/api/people/" + user + "/forget", "");
        var badId = base.withBearer(TestIssuer.attendee("x")).post("/api/people/%20bad/forget", "");
        assertThat(keyOf(user)).as("refusals forget nobody").isNotNull();
        var officer = base.withBearer(TestIssuer.issuer().token("dpo", "privacy_officer", List.of(),
                java.time.Duration.ofMinutes(5))).post("/api/people/" + user + "/forget", "");

        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(organizerTries.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(officer.status()).isEqualTo(200);
        assertThat(keyOf(user)).isNull();
    }
}
