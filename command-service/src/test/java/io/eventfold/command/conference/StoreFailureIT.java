package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static io.eventfold.command.conference.ConferenceFixtures.scheduleJson;
import static io.eventfold.command.conference.ConferenceFixtures.statusJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventfold.command.CommandServiceTest;
import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import io.eventfold.infra.HttpJson.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A commit that fails, or that the store lost, never leaves the cached conference deciding on state it lacks. */
@CommandServiceTest
class StoreFailureIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("conferenceCache")
    Cache conferences;
    @Autowired
    EventStorePositions positions;

    HttpJson api;
    String eventId;

    @BeforeEach
    void setUp() {
        api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        eventId = "store-" + UUID.randomUUID();
    }

    @Test
    void a_registration_the_store_lost_behind_the_cache_is_decided_again_on_the_stored_state() {
        publishedEvent(2);
        assertThat(register("r1", "ada").status()).isEqualTo(201);
        // What a commit acknowledged but not durable looked like: the cached conference holds r1, the store not.
        jdbc.sql("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 2")
                .param(eventId).update();

        var other = register("r2", "bob");
        var retry = register("r1", "ada");
        var full = register("r3", "cy");

        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        assertThat(other.json().get("version").asLong()).as("decided on the stored version").isEqualTo(2);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().get("version").asLong()).isEqualTo(3);
        assertThat(full.status()).as(full.toString()).isEqualTo(409);
        assertThat(storedRegistrations("r1")).isEqualTo(1);
        assertThat(storedRegistrations("r2")).isEqualTo(1);
    }

    @Test
    void a_connection_lost_during_the_commit_answers_503_stores_nothing_and_the_retry_stores_once() {
        publishedEvent(1);
        killOwnBackendAtFirstCommitOf("r1");
        try {
            var lost = register("r1", "ada");
            assertThat(lost.status()).as(lost.toString()).isEqualTo(503);
            assertThat(lost.contentType()).startsWith("application/problem+json");
            assertThat(lost.header("Retry-After")).isEqualTo("1");
            assertThat(storedRegistrations("r1")).isZero();

            var retry = register("r1", "ada");
            var full = register("r2", "bob");

            assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
            assertThat(retry.json().get("version").asLong()).isEqualTo(2);
            assertThat(full.status()).as(full.toString()).isEqualTo(409);
            assertThat(storedRegistrations("r1")).isEqualTo(1);
        } finally {
            jdbc.sql("drop trigger kill_at_commit on domain_event_entry").update();
        }
    }

    @Test
    void backends_terminated_under_load_give_201_or_503_and_retries_store_each_registration_once()
            throws Exception {
        publishedEvent(1000);
        var running = new AtomicBoolean(true);
        var killer = new Thread(() -> {
            while (running.get()) {
                try {
                    jdbc.sql("""
                            select count(pg_terminate_backend(pid)) from pg_stat_activity
                            where datname = current_database() and pid <> pg_backend_pid()""")
                            .query(Long.class).single();
                    Thread.sleep(25);
                } catch (RuntimeException | InterruptedException e) {
                    // the killer's own connection may be one that is lost; keep going
                }
            }
        });
        var pool = Executors.newFixedThreadPool(16);
        List<Response> first;
        try {
            killer.start();
            first = invokeAll(pool, IntStream.range(0, 200).mapToObj(i -> (Callable<Response>) () ->
                    register("r" + i, "user" + i)).toList());
        } finally {
            running.set(false);
            killer.join();
            pool.shutdownNow();
        }

        assertThat(first).extracting(Response::status).as(first.toString()).containsOnly(201, 503).contains(503);
        assertThat(first).filteredOn(r -> r.status() == 503).allSatisfy(r -> {
            assertThat(r.header("Retry-After")).isEqualTo("1");
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i).status() == 201) {
                assertThat(storedRegistrations("r" + i)).as("r" + i).isEqualTo(1);
            } else {
                assertThat(retried("r" + i, "user" + i).status()).isEqualTo(201);
            }
        }
        assertThat(IntStream.range(0, 200).mapToLong(i -> storedRegistrations("r" + i)).distinct())
                .containsExactly(1L);
        var versions = jdbc.sql("select count(*), max(sequence_number) from domain_event_entry "
                + "where aggregate_identifier = ?").param(eventId)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
        assertThat(versions).as("no gap in the conference's events").containsExactly(202L, 201L);
    }

    private Response retried(String registrationId, String userId) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            var response = register(registrationId, userId);
            if (response.status() != 503 || attempt == 5) {
                return response;
            }
            Thread.sleep(200);
        }
    }

    private static List<Response> invokeAll(ExecutorService pool, List<Callable<Response>> calls)
            throws Exception {
        var responses = new ArrayList<Response>();
        for (Future<Response> response : pool.invokeAll(calls)) {
            responses.add(response.get());
        }
        return responses;
    }

    @Test
    void a_position_the_store_lacks_drops_the_cached_conference_instead_of_failing_with_500() {
        publishedEvent(2);
        assertThat(conferences.containsKey(eventId)).isTrue();

        assertThatThrownBy(() -> positions.positionOf(eventId, 7)).isInstanceOf(StaleConferenceException.class);

        assertThat(conferences.containsKey(eventId)).isFalse();
    }

    /** At commit, the first registration {@code registrationId} of this conference terminates its own backend. */
    private void killOwnBackendAtFirstCommitOf(String registrationId) {
        var sequence = "kill_once_" + UUID.randomUUID().toString().replace('-', '_');
        jdbc.sql("create sequence " + sequence).update();
        jdbc.sql("""
                create or replace function kill_at_commit() returns trigger language plpgsql as $$
                begin
                    if new.aggregate_identifier = '%s' and convert_from(new.payload, 'UTF8') like '%%"%s"%%'
                            and nextval('%s') = 1 then
                        perform pg_terminate_backend(pg_backend_pid());
                        perform pg_sleep(5);
                    end if;
                    return null;
                end $$""".formatted(eventId, registrationId, sequence)).update();
        jdbc.sql("""
                create constraint trigger kill_at_commit after insert on domain_event_entry
                deferrable initially deferred for each row execute function kill_at_commit()""").update();
    }

    private void publishedEvent(int capacity) {
        api.post("/api/events", scheduleJson(eventId, capacity));
        assertThat(api.post("/api/events/" + eventId + "/status", statusJson("PUBLISHED")).status()).isEqualTo(200);
    }

    private Response register(String registrationId, String userId) {
        return api.post("/api/events/" + eventId + "/registrations", registerJson(registrationId, userId, "ATTENDEE"));
    }

    private long storedRegistrations(String registrationId) {
        return jdbc.sql("""
                        select count(*) from domain_event_entry where aggregate_identifier = ?
                        and payload_type = 'registration.person-registered.v2'
                        and convert_from(payload, 'UTF8') like ?""")
                .params(eventId, "%\"" + registrationId + "\"%").query(Long.class).single();
    }
}
