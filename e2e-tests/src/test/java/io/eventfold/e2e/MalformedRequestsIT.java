package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.e2e.MalformedRequests.Probe;
import io.eventfold.infra.PostgresServer;
import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand requests with something wrong, across every endpoint of the three services, on the running
 * system: none is accepted, none answers a 5xx but 503 or 429, every refusal is problem+json, and the event store
 * holds not one event more. Afterwards the system still works: a conference created then shows on its dashboard.
 * The seed ({@code -Deventfold.fuzz.seed}) makes a failure reproducible.
 */
class MalformedRequestsIT {

    private static final int COUNT = Integer.getInteger("eventfold.fuzz.count", 10_000);
    private static final long SEED = Long.getLong("eventfold.fuzz.seed", 34);

    private record Outcome(Probe probe, int status, String contentType) {

        String verdict() {
            if (status >= 500 && status != 503) {
                return "server error";
            }
            if (status < 400) {
                return "accepted";
            }
            var problem = contentType != null && contentType.startsWith("application/problem+json");
            return problem || probe.method().equals("HEAD") ? null : "not problem+json";
        }
    }

    @Test
    void malformed_requests_are_refused_precisely_and_store_nothing() throws Exception {
        var system = SharedSystem.system();
        var target = scheduleConference(system);
        long eventsBefore = events(system);

        var outcomes = send(system, new MalformedRequests(SEED, target).draw(COUNT));

        var summary = new TreeMap<String, Integer>();
        var wrong = new ArrayList<String>();
        for (var outcome : outcomes) {
            summary.merge(outcome.probe().service() + " " + outcome.status(), 1, Integer::sum);
            if (outcome.verdict() != null) {
                wrong.add(outcome.verdict() + ": " + outcome.status() + " " + outcome.contentType() + " for "
                        + outcome.probe().method() + " " + abbreviated(outcome.probe().target()) + " ("
                        + outcome.probe().fault() + ")");
            }
        }
        System.out.printf("%d malformed requests (seed %d): %s%n", outcomes.size(), SEED, summary);
        assertThat(outcomes).hasSize(COUNT);
        assertThat(wrong).as("%d of %d answered wrongly", wrong.size(), COUNT).isEmpty();
        assertThat(events(system)).as("events stored").isEqualTo(eventsBefore);

        var after = scheduleConference(system);
        var queries = Tokens.organizer(system.url(Service.QUERY));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> queries.get("/api/events/" + after + "/dashboard").status() == 200);
    }

    private static List<Outcome> send(EventFoldSystem system, List<Probe> probes) throws InterruptedException {
        var outcomes = Collections.synchronizedList(new ArrayList<Outcome>());
        var pool = Executors.newFixedThreadPool(8);
        for (var probe : probes) {
            pool.execute(() -> {
                try {
                    var answer = RawHttp.send(system.url(probe.service()), probe.method(), probe.target(),
                            probe.headers(), probe.body());
                    outcomes.add(new Outcome(probe, answer.status(), answer.header("Content-Type")));
                } catch (IOException | RuntimeException e) {
                    outcomes.add(new Outcome(probe, 599, "no answer: " + e));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        return outcomes;
    }

    private static String scheduleConference(EventFoldSystem system) {
        var id = "fuzz-" + UUID.randomUUID();
        var created = Tokens.organizer(system.url(Service.COMMAND)).post("/api/events", """
                {"eventId":"%s","organizationId":"acme","name":"Fuzz target","startDate":"2027-06-01",
                 "endDate":"2027-06-02","capacity":5}""".formatted(id));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        SharedSystem.oracle().reference().scheduleEvent(id, "acme", "Fuzz target", LocalDate.of(2027, 6, 1),
                LocalDate.of(2027, 6, 2), 5);
        return id;
    }

    private static long events(EventFoldSystem system) throws SQLException {
        try (var connection = DriverManager.getConnection(system.databaseUrl(), PostgresServer.USER, "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from event_store.domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
