package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static io.eventfold.command.conference.ConferenceFixtures.scheduleJson;
import static io.eventfold.command.conference.ConferenceFixtures.statusJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.command.AnotherInstance;
import io.eventfold.command.CommandServiceTest;
import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import io.eventfold.infra.HttpJson.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each instance caches conferences; every decision must still rest on what the event store holds. */
@CommandServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;

    ConfigurableApplicationContext secondInstance;
    HttpJson a;
    HttpJson b;

    @BeforeAll
    void startSecondInstance() {
        secondInstance = AnotherInstance.beside(environment);
        a = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        b = new HttpJson(AnotherInstance.url(secondInstance)).withBearer(TestIssuer.organizer("acme"));
    }

    @AfterAll
    void stopSecondInstance() {
        secondInstance.close();
    }

    @Test
    void an_instance_decides_on_the_changes_another_instance_made_to_a_conference_it_has_cached() {
        var eventId = "cached-" + UUID.randomUUID();
        var path = "/api/events/" + eventId;
        var created = b.post("/api/events", scheduleJson(eventId, 2));
        var published = a.post(path + "/status", statusJson("PUBLISHED"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        var first = b.post(path + "/registrations", registerJson("r1", "ada", "ATTENDEE"));
        var second = a.post(path + "/registrations", registerJson("r2", "bob", "ATTENDEE"));
        var full = b.post(path + "/registrations", registerJson("r3", "cy", "ATTENDEE"));
        assertThat(a.delete(path + "/registrations/r1").status()).isEqualTo(200);
        var afterCancel = b.post(path + "/registrations", registerJson("r3", "cy", "ATTENDEE"));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("version").asLong()).isEqualTo(2);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().get("version").asLong()).isEqualTo(3);
        assertThat(full.status()).as(full.toString()).isEqualTo(409);
        assertThat(full.json().get("detail").asString()).contains("full");
        assertThat(afterCancel.status()).as(afterCancel.toString()).isEqualTo(201);
        assertThat(afterCancel.json().get("version").asLong()).isEqualTo(5);
    }

    @Test
    void identical_concurrent_creates_on_both_instances_store_one_event_and_all_answer_201() throws Exception {
        for (int round = 0; round < 5; round++) {
            var eventId = "create-race-" + UUID.randomUUID();

            var responses = concurrently(24, i -> (i % 2 == 0 ? a : b).post("/api/events", scheduleJson(eventId, 10)));

            assertThat(responses).extracting(Response::status).as(responses.toString()).containsOnly(201);
            assertThat(responses).extracting(Response::body).containsOnly(responses.get(0).body());
            assertThat(scheduledEvents(eventId)).isEqualTo(1);
        }
    }

    @Test
    void concurrent_creates_with_other_details_store_one_and_refuse_the_others_with_409() throws Exception {
        for (int round = 0; round < 5; round++) {
            var eventId = "create-conflict-" + UUID.randomUUID();

            var responses = concurrently(24, i -> (i % 2 == 0 ? a : b).post("/api/events",
                    scheduleJson(eventId, i % 4 < 2 ? 10 : 20)));

            var stored = jdbc.sql("""
                            select convert_from(payload, 'UTF8') from domain_event_entry
                            where aggregate_identifier = ?""").param(eventId).query(String.class).single();
            int winner = stored.contains("\"capacity\":10") ? 10 : 20;
            for (int i = 0; i < responses.size(); i++) {
                int expected = (i % 4 < 2 ? 10 : 20) == winner ? 201 : 409;
                assertThat(responses.get(i).status()).as(responses.get(i).toString()).isEqualTo(expected);
            }
        }
    }

    private long scheduledEvents(String eventId) {
        return jdbc.sql("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = ? and payload_type = 'conference.event-scheduled.v1'""")
                .param(eventId).query(Long.class).single();
    }

    private static List<Response> concurrently(int calls, java.util.function.IntFunction<Response> call)
            throws Exception {
        var tasks = new ArrayList<Callable<Response>>();
        for (int i = 0; i < calls; i++) {
            int index = i;
            tasks.add(() -> call.apply(index));
        }
        var pool = Executors.newFixedThreadPool(calls);
        try {
            var responses = new ArrayList<Response>();
            for (Future<Response> response : pool.invokeAll(tasks)) {
                responses.add(response.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
