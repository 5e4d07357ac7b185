package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static io.eventfold.command.conference.ConferenceFixtures.scheduleJson;
import static io.eventfold.command.conference.ConferenceFixtures.statusJson;
import static io.eventfold.command.conference.ConferenceFixtures.untilNotBusy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.command.CommandServiceTest;
import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import io.eventfold.infra.HttpJson.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Registrations that arrive together for one conference go in one command, and each request gets its answer.
 * The test holds the conference's lock while requests queue: on a busy machine longer than the default waits.
 */
@CommandServiceTest
@TestPropertySource(properties = {"eventfold.conference-lock-wait=30s", "eventfold.registration-queue-wait=30s"})
class RegistrationQueueIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegistrationQueue queue;
    @Autowired
    Repository<Conference> conferences;
    @Autowired
    MeterRegistry meters;

    HttpJson api;
    String eventId;
    ExecutorService clients = Executors.newFixedThreadPool(32);

    @BeforeEach
    void publishedConference() {
        api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        eventId = "queue-" + UUID.randomUUID();
        api.post("/api/events", scheduleJson(eventId, 1_000));
        api.post("/api/events/" + eventId + "/status", statusJson("PUBLISHED"));
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void registrations_queued_behind_a_busy_conference_are_stored_together_each_answered_with_its_own_event() {
        var batches = meters.summary("eventfold.registration.batch");
        long batchesBefore = batches.count();
        var responses = new ArrayList<Future<Response>>();

        var lockHolder = DefaultUnitOfWork.startAndGet(null);
        try {
            conferences.load(eventId);
            responses.add(register("r0", "user0", "ATTENDEE"));
            // Its batch is counted as it starts, and then waits for the lock: only now can the others queue
            // (sent together, one could join before the first took its batch, and go in with it).
            await().until(() -> batches.count() - batchesBefore == 1);
            // As many as a conference's queue takes (eventfold.registration-queue-limit, 8), the first included.
            for (int i = 1; i < 8; i++) {
                responses.add(register("r" + i, "user" + i, "ATTENDEE"));
            }
            await().until(() -> queue.queued(eventId) == 7);
        } finally {
            lockHolder.rollback();
        }

        var answered = answers(responses);
        assertThat(answered).allSatisfy(response -> assertThat(response.status()).isEqualTo(201));
        assertThat(batches.count() - batchesBefore).as("the first alone, then the 7 queued behind it").isEqualTo(2);
        var stored = storedRegistrations();
        assertThat(stored).hasSize(8);
        for (var response : answered) {
            var json = response.json();
            assertThat(stored.get(json.get("registrationId").asString()))
                    .as("version and position of " + json)
                    .isEqualTo(new Stored(json.get("version").asLong(), json.get("position").asLong()));
        }
    }

    @Test
    void a_person_registering_twice_at_once_is_admitted_once_and_refused_once() {
        var responses = new ArrayList<Future<Response>>();
        for (int i = 0; i < 40; i++) {
            responses.add(register("first-" + i, "user" + i, "ATTENDEE"));
            responses.add(register("second-" + i, "user" + i, "SPEAKER"));
        }

        var answered = answers(responses);

        for (int i = 0; i < 40; i++) {
            var pair = List.of(answered.get(2 * i), answered.get(2 * i + 1));
            var refusal = "Person user" + i + " is already registered for this event";
            assertThat(pair).extracting(Response::status).as("user" + i).containsExactlyInAnyOrder(201, 409);
            assertThat(pair).filteredOn(response -> response.status() == 409).singleElement()
                    .satisfies(refused -> assertThat(refused.body()).contains(refusal));
        }
        assertThat(storedRegistrations()).hasSize(40);
    }

    private Future<Response> register(String registrationId, String userId, String role) {
        var body = registerJson(registrationId, userId, role);
        return clients.submit(() -> untilNotBusy(() -> api.post("/api/events/" + eventId + "/registrations", body)));
    }

    private static List<Response> answers(List<Future<Response>> responses) {
        return responses.stream().map(response -> {
            try {
                return response.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Each stored registration's version (its sequence number) and position (global index), by id. */
    private Map<String, Stored> storedRegistrations() {
        return jdbc.sql("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'registrationId' as id,
                               sequence_number, global_index
                        from domain_event_entry
                        where aggregate_identifier = ? and payload_type = 'registration.person-registered.v2'""")
                .param(eventId)
                .query((row, n) -> Map.entry(row.getString("id"),
                        new Stored(row.getLong("sequence_number"), row.getLong("global_index"))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private record Stored(long version, long position) {
    }
}
