package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.e2e.Faults.Fault;
import io.eventfold.infra.HttpJson;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two command-service processes decide on the same conferences (their caches each check the event store), and
 * each service is killed with SIGKILL in turn and restarted, while writers register people through both and
 * readers read. Afterwards every acknowledged registration is stored exactly once, and every dashboard and count
 * equals the classic computation.
 */
class ServiceFaultsIT extends FullSystemIT {

    @Test
    void two_command_services_and_killed_services_lose_nothing_and_count_nothing_twice() throws Exception {
        var second = system.launchAnother(Service.COMMAND);
        var writers = new RegistrationWriters(oracle, () -> List.of(system.url(Service.COMMAND), second.baseUrl()),
                "services", 3);
        var readers = new ContinuousReaders(system, writers.conferences(), 2, true);
        var faults = new Faults(system, null);
        Thread.sleep(1500);

        for (var fault : List.of(Fault.COMMAND_SERVICE_KILLED, Fault.QUERY_API_KILLED,
                Fault.PROJECTION_SERVICE_KILLED)) {
            faults.inject(fault);
            System.out.printf("%s: recovered in %d ms%n", fault,
                    faults.awaitRecovery(writers, Duration.ofSeconds(90)).toMillis());
        }
        var first = Tokens.organizer(system.url(Service.COMMAND));
        var other = Tokens.organizer(second.baseUrl());
        assertCapacityHoldsAcrossInstances(first, other);
        assertIdenticalCreatesAnswerOnce(first, other);
        writers.stop();
        readers.stop();

        writers.assertNothingLostOrDoubled(system.databaseUrl());
        writers.assertReadModelEqualsOracle(Duration.ofSeconds(90));
        assertThat(readers.failures()).as("reads other than answers and 503s").isEmpty();
    }

    /** Each instance has seen the conference; the third registration, wherever it goes, finds it full. */
    private static void assertCapacityHoldsAcrossInstances(HttpJson first, HttpJson other) {
        var id = "capacity-2";
        var start = LocalDate.of(2027, 9, 1);
        assertThat(first.post("/api/events", schedule(id, start, 2)).status()).isEqualTo(201);
        assertThat(other.post("/api/events/" + id + "/status", "{\"status\":\"PUBLISHED\"}").status()).isEqualTo(200);
        oracle.reference().scheduleEvent(id, "org-0", "Conf " + id, start, start, 2);
        oracle.reference().changeStatus(id, "PUBLISHED");
        var statuses = new ArrayList<Integer>();
        var apis = List.of(first, other, first, other);
        for (int r = 0; r < apis.size(); r++) {
            var registration = "cap-" + r;
            int status = apis.get(r).post("/api/events/" + id + "/registrations", """
                    {"registrationId":"%s","userId":"u-%s","name":"P","email":"p@example.com","role":"ATTENDEE"}"""
                    .formatted(registration, registration)).status();
            statuses.add(status);
            if (status == 201) {
                oracle.reference().register(id, registration, "u-" + registration, "P", "p@example.com",
                        "ATTENDEE");
            }
        }
        assertThat(statuses).as("two places, four requests over both instances").containsExactly(201, 201, 409, 409);
    }

    /** The same create sent to both instances at once: one stores it, the other answers it or refuses (409). */
    private static void assertIdenticalCreatesAnswerOnce(HttpJson first, HttpJson other) {
        var start = LocalDate.of(2027, 10, 1);
        for (int c = 0; c < 5; c++) {
            var id = "twice-" + c;
            var body = schedule(id, start, 10);
            var a = CompletableFuture.supplyAsync(() -> first.post("/api/events", body).status());
            var b = CompletableFuture.supplyAsync(() -> other.post("/api/events", body).status());
            var statuses = List.of(a.join(), b.join());
            assertThat(statuses).as(id).contains(201).allMatch(s -> s == 201 || s == 200 || s == 409);
            oracle.reference().scheduleEvent(id, "org-0", "Conf " + id, start, start, 10);
        }
    }

    private static String schedule(String id, LocalDate start, int capacity) {
        return """
                {"eventId":"%s","organizationId":"org-0","name":"Conf %s","startDate":"%s","endDate":"%s",
                 "capacity":%d}""".formatted(id, id, start, start, capacity);
    }
}
