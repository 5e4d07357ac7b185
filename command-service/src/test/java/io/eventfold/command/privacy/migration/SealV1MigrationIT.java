package io.eventfold.command.privacy.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.command.CommandServiceTest;
import io.eventfold.command.privacy.migration.V1StoreFixture.Row;
import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A store of version 1 events, as the code before sealing wrote it, read as before until the operator migrates
 * it; the migration, stopped after a page and resumed, seals every personal event and changes no decision.
 */
@CommandServiceTest
@TestPropertySource(properties = "eventfold.privacy.seal-v1.page-size=5")
class SealV1MigrationIT {

    static final List<Row> FIXTURE = V1StoreFixture.rows();
    static final String PATH = "/admin/privacy/seal-v1";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Cache conferences;
    @Autowired
    SealV1Migration migration;

    HttpJson operator;
    HttpJson organizer;

    @BeforeEach
    void v1Store() {
        operator = api(TestIssuer.operator());
        organizer = api(TestIssuer.organizer("v1s-acme"));
        if (jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single() == 0) {
            V1StoreFixture.load(jdbc, FIXTURE);
        }
    }

    private HttpJson api(String token) {
        var base = new HttpJson("http://localhost:" + port);
        return token == null ? base : base.withBearer(token);
    }

    @Test
    void v1_events_read_as_before_and_a_resumed_migration_seals_them_all_without_changing_a_decision() {
        var registration = registrationOf("v1s-c1", "r1");
        var forgettable = registrationOf("v1s-c2", "r4").json().get("userId").asString();
        assertThat(registration.json().get("userId").asString()).isNotEqualTo(forgettable);

        decidesAsBefore(registration);
        assertThat(retry(registrationOf("v1s-c1", "r2"), "").status()).as("cancelled before").isEqualTo(409);
        forgetAfterARegistrationWithAKey(forgettable);
        var personal = FIXTURE.stream().filter(Row::personal).toList();
        var idle = status();
        assertThat(idle.get("state").asString()).isEqualTo("IDLE");
        assertThat(idle.get("remaining").asLong()).isEqualTo(personal.size());

        var page = migration.sealPage();
        var stopped = status();
        var firstPage = storedPayloads(personal.get(4).globalIndex());

        assertThat(page.changed()).isEqualTo(5);
        assertThat(stopped.get("state").asString()).as("killed after a page: resumable").isEqualTo("IDLE");
        assertThat(stopped.get("sealed").asLong()).isEqualTo(5);
        assertThat(stopped.get("remaining").asLong()).isEqualTo(personal.size() - 5);
        assertThat(stopped.get("lastGlobalIndex").asLong()).isEqualTo(personal.get(4).globalIndex());
        assertThat(storedTypes().values()).contains("registration.person-registered.v1",
                "registration.person-registered.v2");
        decidesAsBefore(registration);

        assertThat(operator.post(PATH, "").status()).isEqualTo(202);
        var done = awaitDone();
        var afterRun = storedPayloads(Long.MAX_VALUE);

        assertThat(done.get("sealed").asLong()).isEqualTo(personal.size());
        assertThat(done.get("remaining").asLong()).isZero();
        assertThat(done.get("total").asLong()).isEqualTo(personal.size());
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("forgotten").asLong()).isEqualTo(personal.stream()
                .filter(row -> row.json().get("userId").asString().equals(forgettable)).count());
        assertThat(done.get("error").isNull()).isTrue();
        sameRowsButSealed(afterRun);
        assertThat(afterRun).as("the first page was not sealed again").containsAllEntriesOf(firstPage);
        assertThat(V1StoreFixture.personalValues(FIXTURE)).hasSizeGreaterThan(20);
        assertThat(String.join("\n", afterRun.values())).doesNotContain(V1StoreFixture.personalValues(FIXTURE));
        assertThat(keyOf(forgettable)).as("a forgotten person gets no key back").isNull();
        var told = new ArrayList<>(List.of("after-v1"));
        personal.stream().filter(row -> row.json().get("userId").asString().equals(forgettable))
                .map(Row::aggregateIdentifier).distinct().forEach(told::add);
        assertThat(forgettingsOf(forgettable).stream().distinct()).as("their version 1 conferences are told too")
                .containsExactlyInAnyOrderElementsOf(told);
        assertThat(keyOf(registration.json().get("userId").asString())).isNotNull();
        decidesAsBefore(registration);

        assertThat(operator.post(PATH, "").status()).isEqualTo(202);
        var again = awaitDone();
        assertThat(again.get("sealed").asLong()).as("nothing left to do").isEqualTo(personal.size());
        assertThat(storedPayloads(Long.MAX_VALUE)).as("nothing rewritten").isEqualTo(
                afterRun);
    }

    @Test
    void only_operators_start_the_migration_or_read_its_status() {
        for (var caller : List.of(organizer, api(TestIssuer.attendee("user-1")), api(TestIssuer.reader("v1s-acme")),
                api(TestIssuer.issuer().token("dpo", "privacy_officer", List.of(), Duration.ofMinutes(5))))) {
            assertThat(caller.get(PATH).status()).isEqualTo(403);
            assertThat(caller.post(PATH, "").status()).isEqualTo(403);
        }
        assertThat(api(null).get(PATH).status()).isEqualTo(401);
        assertThat(api(null).post(PATH, "").status()).isEqualTo(401);
        assertThat(operator.get(PATH).status()).isEqualTo(200);
    }

    /** A retry of the stored registration is accepted at its old version; with other details it is refused. */
    private void decidesAsBefore(Row registration) {
        conferences.removeAll();
        var same = retry(registration, "");
        conferences.removeAll();
        var other = retry(registration, "other-");

        assertThat(same.status()).as(same.toString()).isEqualTo(201);
        assertThat(same.json().get("version").asLong()).isEqualTo(registration.sequenceNumber());
        assertThat(other.status()).as(other.toString()).isEqualTo(409);
    }

    private HttpJson.Response retry(Row registration, String emailPrefix) {
        var stored = registration.json();
        return organizer.post("/api/events/" + registration.aggregateIdentifier() + "/registrations",
                V1StoreFixture.JSON.writeValueAsString(Map.of("registrationId", stored.get("registrationId"),
                        "userId", stored.get("userId"), "name", stored.get("name"), "role", stored.get("role"),
                        "email", emailPrefix + stored.get("email").asString())));
    }

    /**
     * The person registers in a new conference, so they have a key, then forgets themself: their version 1
     * conferences, noted nowhere, are found in the events in clear and told at once.
     */
    private void forgetAfterARegistrationWithAKey(String userId) {
        assertThat(organizer.post("/api/events", """
                {"eventId":"after-v1","organizationId":"v1s-acme","name":"After","startDate":"2027-05-01",\
                "endDate":"2027-05-02","capacity":10}""").status()).isEqualTo(201);
        assertThat(organizer.post("/api/events/after-v1/status", "{\"status\":\"PUBLISHED\"}").status())
                .isEqualTo(200);
        assertThat(organizer.post("/api/events/after-v1/registrations", """
                {"registrationId":"r1","userId":"%s","name":"Later Name","email":"later@v2.example",\
                "role":"ATTENDEE"}""".formatted(userId)).status()).isEqualTo(201);
        var forgotten = api(TestIssuer.attendee(userId)).post("/api/people/" + userId + "/forget", "");
        assertThat(forgotten.status()).isEqualTo(200);
        var v1Conferences = FIXTURE.stream().filter(row -> row.personal()
                && row.json().get("userId").asString().equals(userId)).map(Row::aggregateIdentifier).distinct();
        assertThat(forgotten.json().get("conferences").values().stream().map(JsonNode::asString))
                .containsAll(v1Conferences.toList()).contains("after-v1");
    }

    private Row registrationOf(String conference, String registrationId) {
        return FIXTURE.stream().filter(row -> row.payloadType().equals("registration.person-registered.v1")
                && row.aggregateIdentifier().equals(conference)
                && row.json().get("registrationId").asString().equals(registrationId)).findFirst().orElseThrow();
    }

    private void sameRowsButSealed(Map<Long, String> payloads) {
        var types = storedTypes();
        for (var row : FIXTURE) {
            var stored = jdbc.sql("select event_identifier, aggregate_identifier, sequence_number, time_stamp, "
                    + "meta_data, type from domain_event_entry where global_index = ?").param(row.globalIndex())
                    .query((r, n) -> List.of(r.getString(1), r.getString(2), r.getLong(3), r.getString(4),
                            new String(r.getBytes(5), StandardCharsets.UTF_8), r.getString(6))).single();
            assertThat(stored).isEqualTo(List.of(row.eventIdentifier(), row.aggregateIdentifier(),
                    row.sequenceNumber(), row.timeStamp(), new String(row.metaData(), StandardCharsets.UTF_8),
                    row.type()));
            if (row.personal()) {
                assertThat(types.get(row.globalIndex())).isEqualTo(row.payloadType().replace(".v1", ".v2"));
                var sealed = V1StoreFixture.JSON.readTree(payloads.get(row.globalIndex())).get("sealed");
                assertThat(sealed == null || sealed.isNull()).as("sealed unless forgotten").isEqualTo(
                        payloads.get(row.globalIndex()).contains("(forgotten)"));
            } else {
                assertThat(types.get(row.globalIndex())).isEqualTo(row.payloadType());
                assertThat(payloads.get(row.globalIndex()))
                        .isEqualTo(new String(row.payload(), StandardCharsets.UTF_8));
            }
        }
    }

    private Map<Long, String> storedTypes() {
        var types = new LinkedHashMap<Long, String>();
        jdbc.sql("select global_index, payload_type from domain_event_entry order by global_index")
                .query(r -> {
                    types.put(r.getLong(1), r.getString(2));
                });
        return types;
    }

    private Map<Long, String> storedPayloads(long upTo) {
        var payloads = new LinkedHashMap<Long, String>();
        jdbc.sql("select global_index, payload from domain_event_entry where global_index <= ? order by 1")
                .param(upTo).query(r -> {
                    payloads.put(r.getLong(1), new String(r.getBytes(2), StandardCharsets.UTF_8));
                });
        return payloads;
    }

    private List<String> forgettingsOf(String userId) {
        return jdbc.sql("select aggregate_identifier from domain_event_entry where payload_type = "
                        + "'person.person-forgotten.v1' and convert_from(payload, 'UTF8')::jsonb ->> 'userId' = ?")
                .param(userId).query(String.class).list();
    }

    private String keyOf(String userId) {
        return jdbc.sql("select key_id::text from privacy.person_key where user_id = ?").param(userId)
                .query(String.class).optional().orElse(null);
    }

    private JsonNode status() {
        var response = operator.get(PATH);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitDone() {
        await().atMost(Duration.ofMinutes(2)).until(() -> !status().get("state").asString().equals("RUNNING"));
        var status = status();
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("DONE");
        return status;
    }
}
