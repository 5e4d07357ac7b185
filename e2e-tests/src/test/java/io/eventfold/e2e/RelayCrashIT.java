package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.infra.TestInfrastructure;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of command-service while commands stream in: afterwards every stored event is on the topic, per
 * conference in version order without gaps, and nothing is on the topic that was not stored. Duplicates
 * are allowed (at least once) and carry the event id of the original.
 */
class RelayCrashIT {

    private static final int CONFERENCES = 6;

    private static EventFoldSystem system;

    @BeforeAll
    static void start() {
        system = EventFoldSystem.start(EnumSet.of(Service.COMMAND));
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    record Stored(String aggregateId, long version, String eventId) {
    }

    @Test
    void a_killed_relay_resumes_without_losing_reordering_or_inventing_events() throws Exception {
        var api = Tokens.organizer(system.url(Service.COMMAND));
        for (int c = 0; c < CONFERENCES; c++) {
            api.post("/api/events", """
                    {"eventId":"crash-%d","organizationId":"acme","name":"C","startDate":"2027-01-01",
                     "endDate":"2027-01-02","capacity":100000}""".formatted(c));
            api.post("/api/events/crash-" + c + "/status", "{\"status\":\"PUBLISHED\"}");
        }
        var writing = new AtomicBoolean(true);
        var accepted = new AtomicInteger();
        var writers = new ArrayList<Thread>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            var thread = new Thread(() -> write(writer, writing, accepted), "writer-" + w);
            thread.start();
            writers.add(thread);
        }

        Thread.sleep(1500);
        system.killAndRestart(Service.COMMAND);
        int acceptedBeforeRestart = accepted.get();
        Thread.sleep(1500);
        writing.set(false);
        for (var writer : writers) {
            writer.join();
        }

        assertThat(acceptedBeforeRestart).as("commands were flowing when the service was killed").isPositive();
        assertThat(accepted.get()).as("commands flowed again after the restart").isGreaterThan(acceptedBeforeRestart);
        var stored = storedEvents();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                distinctVersions(TopicReader.readAll(system.topic())) == stored.size());
        var received = TopicReader.readAll(system.topic());
        var storedIds = new HashMap<String, Stored>();
        stored.forEach(s -> storedIds.put(s.eventId(), s));

        assertThat(received).allSatisfy(r -> {
            var original = storedIds.get(r.headers().messageId());
            assertThat(original).as("a record for an event that was never stored").isNotNull();
            assertThat(r.key()).isEqualTo(original.aggregateId());
            assertThat(r.headers().aggregateVersion()).isEqualTo(original.version());
        });
        for (int c = 0; c < CONFERENCES; c++) {
            var key = "crash-" + c;
            var firstSeen = new ArrayList<Long>();
            received.stream().filter(r -> r.key().equals(key))
                    .map(r -> r.headers().aggregateVersion())
                    .forEach(v -> {
                        if (!firstSeen.contains(v)) {
                            firstSeen.add(v);
                        }
                    });
            var expected = stored.stream().filter(s -> s.aggregateId().equals(key)).map(Stored::version).toList();
            assertThat(firstSeen).as("versions of %s in order of first appearance", key)
                    .containsExactlyElementsOf(expected);
        }
    }

    private static void write(int writer, AtomicBoolean writing, AtomicInteger accepted) {
        int n = 0;
        while (writing.get()) {
            var conference = "crash-" + (n % CONFERENCES);
            var body = """
                    {"userId":"w%d-%d","name":"P","email":"p@example.com","role":"ATTENDEE"}""".formatted(writer, n++);
            try {
                var api = Tokens.organizer(system.url(Service.COMMAND));
                if (api.post("/api/events/" + conference + "/registrations", body).status() == 201) {
                    accepted.incrementAndGet();
                }
            } catch (RuntimeException down) {
                pause();
            }
        }
    }

    private static long distinctVersions(List<TopicReader.Received> received) {
        var seen = new HashSet<String>();
        received.forEach(r -> seen.add(r.key() + "/" + r.headers().aggregateVersion()));
        return seen.size();
    }

    private static List<Stored> storedEvents() throws SQLException {
        try (var connection = DriverManager.getConnection(system.databaseUrl(),
                TestInfrastructure.get().username(), "");
             var query = connection.prepareStatement("""
                     select aggregate_identifier, sequence_number, event_identifier
                     from event_store.domain_event_entry order by aggregate_identifier, sequence_number""");
             var rows = query.executeQuery()) {
            var stored = new ArrayList<Stored>();
            while (rows.next()) {
                stored.add(new Stored(rows.getString(1), rows.getLong(2), rows.getString(3)));
            }
            return stored;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
