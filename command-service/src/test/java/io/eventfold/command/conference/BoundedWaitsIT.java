package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static io.eventfold.command.conference.ConferenceFixtures.scheduleJson;
import static io.eventfold.command.conference.ConferenceFixtures.statusJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.command.CommandServiceTest;
import io.eventfold.infra.HttpJson;
import io.eventfold.infra.HttpJson.Response;
import io.eventfold.testsupport.TestIssuer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No wait of a request is unbounded: one hot conference holds only its share of the request threads, and a
 * pool with no free connection answers 503 within its short acquire timeout. Latencies are printed; the only
 * bound asserted on them is a generous one.
 */
@CommandServiceTest
class BoundedWaitsIT {

    private static final int HOT_CLIENTS = 64;
    private static final int OTHER_CONFERENCES = 4;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    HttpJson api;

    @BeforeEach
    void setUp() {
        api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
    }

    @Test
    void sixty_four_clients_on_one_conference_leave_the_others_their_latency_and_lose_nothing() throws Exception {
        var hot = published("hot-");
        var others = new ArrayList<String>();
        for (int i = 0; i < OTHER_CONFERENCES; i++) {
            others.add(published("other-"));
        }
        var quiet = latenciesOfOthers(others, 50);

        var answers = new ConcurrentHashMap<String, Response>();
        var running = new AtomicBoolean(true);
        var hotClients = Executors.newFixedThreadPool(HOT_CLIENTS);
        List<Long> loaded;
        try {
            for (int client = 0; client < HOT_CLIENTS; client++) {
                int c = client;
                hotClients.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        var id = "h" + c + "-" + n;
                        var answer = register(hot, id);
                        answers.put(id, answer);
                        if (answer.status() == 503) {
                            Thread.sleep(5);
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(500);
            loaded = latenciesOfOthers(others, 100);
        } finally {
            running.set(false);
            hotClients.shutdown();
            assertThat(hotClients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        var byStatus = answers.values().stream().collect(Collectors.groupingBy(Response::status,
                Collectors.counting()));
        System.out.printf("HOT CONFERENCE: others' latency without load p50 %d p99 %d max %d ms; with %d clients on "
                        + "one conference p50 %d p99 %d max %d ms; the hot conference's answers %s%n",
                percentile(quiet, 50), percentile(quiet, 99), percentile(quiet, 100), HOT_CLIENTS,
                percentile(loaded, 50), percentile(loaded, 99), percentile(loaded, 100), byStatus);
        assertThat(byStatus.keySet()).as("201 or 503, nothing else").containsOnly(201, 503).contains(503);
        assertThat(answers.values()).filteredOn(answer -> answer.status() == 503).allSatisfy(answer -> {
            assertThat(answer.header("Retry-After")).isEqualTo("1");
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        var created = answers.entrySet().stream().filter(answer -> answer.getValue().status() == 201)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(storedRegistrationIds(hot)).as("every 201 stored, and nothing else").isEqualTo(created);
        assertThat(percentile(loaded, 99)).as("p99 of the other conferences, ms: a generous bound").isLessThan(2_000);
    }

    @Test
    void a_pool_without_a_free_connection_answers_503_at_once_and_the_retry_stores_once() throws Exception {
        var eventId = published("pool-");
        var held = new ArrayList<Connection>();
        long took;
        Response refused;
        try {
            holdEveryConnection(held);
            long start = System.nanoTime();
            refused = register(eventId, "r1");
            took = (System.nanoTime() - start) / 1_000_000;
        } finally {
            for (var connection : held) {
                connection.close();
            }
        }
        System.out.printf("POOL EXHAUSTED: %d connections held, answered %d in %d ms%n", held.size(),
                refused.status(), took);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(took).as("ms: the acquire timeout, not Hikari's 30 s").isLessThan(10_000);
        assertThat(storedRegistrationIds(eventId)).isEmpty();
        assertThat(register(eventId, "r1").status()).isEqualTo(201);
        assertThat(storedRegistrationIds(eventId)).containsExactly("r1");
    }

    /** Takes connections until the pool has none left to give within its acquire timeout. */
    private void holdEveryConnection(List<Connection> held) {
        while (true) {
            try {
                held.add(dataSource.getConnection());
            } catch (SQLException exhausted) {
                return;
            }
        }
    }

    /** Each conference's own client registers {@code count} people one after another; every answer a 201. */
    private List<Long> latenciesOfOthers(List<String> conferences, int count) throws Exception {
        var pool = Executors.newFixedThreadPool(conferences.size());
        var clients = new ArrayList<Future<List<Long>>>();
        for (var eventId : conferences) {
            clients.add(pool.submit(() -> {
                var took = new ArrayList<Long>();
                for (int i = 0; i < count; i++) {
                    long start = System.nanoTime();
                    var answer = register(eventId, UUID.randomUUID().toString());
                    took.add((System.nanoTime() - start) / 1_000_000);
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                }
                return took;
            }));
        }
        var all = new ArrayList<Long>();
        for (var client : clients) {
            all.addAll(client.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        Collections.sort(all);
        return all;
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    private String published(String prefix) {
        var eventId = prefix + UUID.randomUUID();
        assertThat(api.post("/api/events", scheduleJson(eventId, 100_000)).status()).isEqualTo(201);
        assertThat(api.post("/api/events/" + eventId + "/status", statusJson("PUBLISHED")).status()).isEqualTo(200);
        return eventId;
    }

    private Response register(String eventId, String registrationId) {
        return api.post("/api/events/" + eventId + "/registrations",
                registerJson(registrationId, "user-" + registrationId, "ATTENDEE"));
    }

    private Set<String> storedRegistrationIds(String eventId) {
        return new HashSet<>(jdbc.sql("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'registrationId' from domain_event_entry
                        where aggregate_identifier = ? and payload_type = 'registration.person-registered.v2'""")
                .param(eventId).query(String.class).list());
    }
}
