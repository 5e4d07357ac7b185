package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.contracts.PersonalEvent;
import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.infra.HttpJson;
import io.eventfold.infra.PostgresServer;
import io.eventfold.testsupport.TestIssuer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * People with recognisable personal data register and speak while readers read; one is forgotten. Dashboards
 * drop them (counts unchanged), the oracle agrees, a rebuild gives the same rows, and neither the event store,
 * the topic, problem answers nor any service's log holds their data in clear.
 */
class PrivacyIT {

    /** Every personal value below contains it, and nothing else any test sends does. */
    private static final String MARK = "Qwxyzzy";

    /** The personal values every other end-to-end test sends (HistoryDriver): the suite's traffic. */
    private static final Pattern HISTORY_VALUES =
            Pattern.compile("u[0-9]+@example\\.com|person u[0-9]+|speaker u[0-9]+|bio of u[0-9]+");

    private final EventFoldSystem system = SharedSystem.system();
    private final Oracle oracle = SharedSystem.oracle();
    private final HttpJson commands = Tokens.organizer(system.url(Service.COMMAND));
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String conference(int i) {
        return "privacy-" + run + "-" + i;
    }

    private String person(int i) {
        return "pp-" + run + "-" + i;
    }

    private static String name(int i) {
        return MARK + " Person" + i;
    }

    private static String email(int i) {
        return MARK.toLowerCase() + i + "@mail.example";
    }

    @Test
    void a_forgotten_person_leaves_every_dashboard_and_rebuild_and_no_clear_data_is_stored_sent_or_logged()
            throws Exception {
        for (int c = 0; c < 2; c++) {
            schedule(conference(c));
            for (int p = 0; p < 4; p++) {
                register(conference(c), "reg-" + p, p);
            }
        }
        assign(conference(0), 0);
        assign(conference(0), 1);
        refusedRequestsEchoNothing();
        var readers = new ContinuousReaders(system, List.of(conference(0), conference(1)), 2);
        var before = attendeeCount(conference(0));

        var self = new HttpJson(system.url(Service.COMMAND)).withBearer(TestIssuer.attendee(person(0)));
        long asked = System.nanoTime();
        var forgotten = self.post("/api/people/" + person(0) + "/forget", "");
        assertThat(forgotten.status()).as(forgotten.toString()).isEqualTo(200);
        oracle.reference().forget(person(0), PersonalEvent.FORGOTTEN);
        var position = forgotten.json().get("position").asLong();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> !dashboard(conference(0), 0).body().contains(email(0)));
        var shownAfter = Duration.ofNanos(System.nanoTime() - asked);
        readers.stop();

        System.out.printf("Forgetting: dashboards dropped the person %d ms after the request was sent%n",
                shownAfter.toMillis());
        assertThat(readers.failures()).isEmpty();
        for (int c = 0; c < 2; c++) {
            var dashboard = dashboard(conference(c), position).body();
            assertThat(dashboard).doesNotContain(email(0), name(0)).contains(PersonalEvent.FORGOTTEN, email(1));
        }
        assertThat(attendeeCount(conference(0))).as("counts do not change").isEqualTo(before);
        assertEqualsOracle(position);

        var operator = new Operator(system);
        operator.awaitSwitched("dashboard", operator.startRebuild("dashboard"));
        assertEqualsOracle(position);

        assertThat(storedPayloads()).isNotEmpty().noneMatch(p -> p.contains(MARK) || p.contains(MARK.toLowerCase()));
        var records = TopicReader.readAll(system.topic()).stream()
                .filter(r -> r.key().startsWith("privacy-" + run)).toList();
        assertThat(records).hasSizeGreaterThan(10).noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8)
                .toLowerCase().contains(MARK.toLowerCase()));
        assertThat(logLinesMatching(Pattern.compile(Pattern.quote(MARK.toLowerCase())))).as("service logs").isEmpty();
        assertThat(logLinesMatching(HISTORY_VALUES)).as("logs of the suite's tests run before this one").isEmpty();
    }

    private void schedule(String id) {
        assertThat(commands.post("/api/events", """
                {"eventId":"%s","organizationId":"acme","name":"Privacy %s","startDate":"2027-05-01",\
                "endDate":"2027-05-02","capacity":50}""".formatted(id, id)).status()).isEqualTo(201);
        assertThat(commands.post("/api/events/" + id + "/status", "{\"status\":\"PUBLISHED\"}").status())
                .isEqualTo(200);
        oracle.reference().scheduleEvent(id, "acme", "Privacy " + id, java.time.LocalDate.parse("2027-05-01"),
                java.time.LocalDate.parse("2027-05-02"), 50);
        oracle.reference().changeStatus(id, "PUBLISHED");
    }

    private void register(String id, String registrationId, int p) {
        var response = commands.post("/api/events/" + id + "/registrations", """
                {"registrationId":"%s","userId":"%s","name":"%s","email":"%s","role":"ATTENDEE"}"""
                .formatted(registrationId, person(p), name(p), email(p)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        oracle.reference().register(id, registrationId, person(p), name(p), email(p), "ATTENDEE");
    }

    private void assign(String id, int p) {
        var session = "s-" + p;
        var starts = "2027-05-01T09:00:00Z";
        assertThat(commands.post("/api/events/" + id + "/sessions", """
                {"sessionId":"%s","title":"Talk","room":"A","startsAt":"%s","endsAt":"2027-05-01T10:00:00Z"}"""
                .formatted(session, starts)).status()).isEqualTo(201);
        oracle.reference().addSession(id, session, "Talk", "A", java.time.Instant.parse(starts),
                java.time.Instant.parse("2027-05-01T10:00:00Z"));
        var body = "{\"name\":\"%s\",\"bio\":\"%s bio\",\"company\":\"%s Co\"}".formatted(name(p), MARK, MARK);
        assertThat(commands.put("/api/events/" + id + "/sessions/" + session + "/speakers/" + person(p), body)
                .status()).isEqualTo(200);
        oracle.reference().assignSpeaker(id, session, person(p), name(p), MARK + " bio", MARK + " Co");
    }

    /** Rejected rows too: a refusal names the field, never its value. */
    private void refusedRequestsEchoNothing() {
        var path = "/api/events/" + conference(0) + "/registrations";
        var body = "{\"userId\":\"x\",\"name\":\"%s\",\"email\":\"%s\",\"role\":\"%s\"}";
        var refused = Stream.of(
                commands.post(path, body.formatted(MARK + "x".repeat(300), MARK + " not an address", "ATTENDEE")),
                commands.post(path, body.formatted(name(9), email(9), MARK)),
                commands.post(path, "{\"userId\":\"x\",\"name\":\"" + MARK + "\",\"email\":"),
                commands.post(path, "{\"userId\":\"x\",\"name\":[\"" + MARK + "\"],\"email\":\"a@b.c\"}")).toList();
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.body().toLowerCase()).as(r.toString()).doesNotContain(MARK.toLowerCase());
        });
    }

    private HttpJson.Response dashboard(String id, long position) {
        return Tokens.organizer(system.url(Service.QUERY)).get("/api/events/" + id + "/dashboard?minPosition="
                + position);
    }

    private long attendeeCount(String id) {
        return dashboard(id, 0).json().get("stats").get("attendee_count").asLong();
    }

    private void assertEqualsOracle(long position) {
        for (int c = 0; c < 2; c++) {
            var version = dashboard(conference(c), position).json().get("version").asLong();
            oracle.assertDashboard(conference(c), version);
        }
    }

    private List<String> storedPayloads() {
        var jdbc = new JdbcTemplate(new SingleConnectionDataSource(system.databaseUrl(), PostgresServer.USER, "",
                false));
        return jdbc.query("select payload from event_store.domain_event_entry where aggregate_identifier like ?",
                (row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8), "privacy-" + run + "%");
    }

    /** Every line of every service's log (all systems of this run so far) that matches, case aside. */
    static List<String> logLinesMatching(Pattern pattern) throws IOException {
        var logs = Path.of(System.getProperty("eventfold.logs", "target/service-logs"));
        try (var files = Files.walk(logs)) {
            return files.filter(Files::isRegularFile).flatMap(file -> {
                try {
                    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .filter(line -> pattern.matcher(line.toLowerCase()).find())
                            .map(line -> file.getFileName() + ": " + line);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
