package io.eventfold.command.conference;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static io.eventfold.command.conference.ConferenceFixtures.scheduleJson;
import static io.eventfold.command.conference.ConferenceFixtures.statusJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventfold.command.CommandServiceTest;
import io.eventfold.infra.HttpJson;
import io.eventfold.infra.HttpJson.Response;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A commit that fails, or that the store lost, never leaves the cached conference deciding on state it lacks. */
@CommandServiceTest
class StoreFailureTest {

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
        api = new HttpJson("http://localhost:" + port);
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
                        and payload_type = 'registration.person-registered.v1'
                        and convert_from(payload, 'UTF8') like ?""")
                .params(eventId, "%\"" + registrationId + "\"%").query(Long.class).single();
    }
}
