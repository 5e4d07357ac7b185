package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.HttpJson;
import io.eventfold.infra.PostgresServer;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Writers that register new people without pause, one conference each, as a client that must not lose a write
 * would: a registration is sent again with its own id until it is answered for good, since a 503, a refused
 * connection or a timeout leaves its outcome unknown. Registrations alternate between the command-service
 * instances given. Every acknowledged registration is mirrored into the oracle's reference tables.
 */
final class RegistrationWriters {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final Map<String, Long> versions = new ConcurrentHashMap<>();
    final List<String> unexpected = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    private final Oracle oracle;
    private final HistoryDriver driver;
    private final Supplier<List<String>> commandUrls;
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    /** Schedules and publishes one conference per writer (before any fault), then starts writing. */
    RegistrationWriters(Oracle oracle, Supplier<List<String>> commandUrls, String prefix, int writers) {
        this.oracle = oracle;
        this.commandUrls = commandUrls;
        this.driver = new HistoryDriver(Tokens.organizer(commandUrls.get().get(0)), oracle.reference(), prefix);
        for (int c = 0; c < writers; c++) {
            driver.schedule(c, c % 3, c, 1, 1_000_000);
            driver.play(new HistoryDriver.Step(0, c, 1, 0)); // published: open for registrations
        }
        for (int w = 0; w < writers; w++) {
            var conference = driver.conference(w);
            var thread = new Thread(() -> {
                for (int n = 0; writing.get(); n++) {
                    register(n, conference, conference + "-" + n);
                }
            }, "registration-writer-" + w);
            thread.start();
            threads.add(thread);
        }
    }

    List<String> conferences() {
        return List.copyOf(driver.versions().keySet());
    }

    private void register(int n, String conference, String registration) {
        var body = """
                {"registrationId":"%s","userId":"u-%s","name":"Person %s","email":"%s@example.com",
                 "role":"ATTENDEE"}""".formatted(registration, registration, registration, registration);
        for (int attempt = 0; attempt < 3000; attempt++) {
            HttpJson.Response response;
            requests.incrementAndGet();
            try {
                var urls = commandUrls.get();
                var api = Tokens.organizer(urls.get((n + attempt) % urls.size()), REQUEST_TIMEOUT);
                response = api.post("/api/events/" + conference + "/registrations", body);
            } catch (RuntimeException noAnswer) { // no connection, a timeout, or the service is restarting
                pause();
                continue;
            }
            if ((response.status() == 200 || response.status() == 201) && response.json().get("version") != null) {
                acknowledged.put(registration, conference);
                versions.merge(conference, response.json().get("version").asLong(), Math::max);
                untilDone(() -> oracle.reference().register(conference, registration, "u-" + registration,
                        "Person " + registration, registration + "@example.com", "ATTENDEE"));
                return;
            }
            if (response.status() == 503) {
                unavailable.incrementAndGet();
            } else {
                unexpected.add(registration + ": " + response);
            }
            pause();
        }
        throw new IllegalStateException("Registration " + registration + " never answered for good");
    }

    void stop() throws InterruptedException {
        writing.set(false);
        for (var thread : threads) {
            thread.join();
        }
    }

    /** Acknowledged registrations that are not in the event store. */
    Set<String> missing(String databaseUrl) throws SQLException {
        var missing = new HashSet<>(acknowledged.keySet());
        missing.removeAll(storedRegistrations(databaseUrl).keySet());
        return missing;
    }

    /** Every acknowledged registration is stored, none twice, and no answer was other than 200, 201 or 503. */
    void assertNothingLostOrDoubled(String databaseUrl) throws SQLException {
        assertThat(acknowledged).as("writes were acknowledged").hasSizeGreaterThan(20);
        assertThat(missing(databaseUrl)).as("acknowledged but not stored").isEmpty();
        assertThat(storedRegistrations(databaseUrl)).as("stored more than once").allSatisfy((id, times) ->
                assertThat(times).as(id).isEqualTo(1));
        assertThat(unexpected).as("answers other than 200, 201 or 503").isEmpty();
    }

    /** Once the read model caught up: each conference's dashboard and the counts equal the classic answers. */
    void assertReadModelEqualsOracle(Duration timeout) {
        var expected = expectedVersions();
        expected.forEach((id, version) -> oracle.awaitDashboard(id, version, timeout));
        expected.forEach(oracle::assertDashboard);
        oracle.assertCountsByStatus(0);
    }

    /** Each conference's version after its last acknowledged command. */
    private Map<String, Long> expectedVersions() {
        var expected = new HashMap<>(driver.versions());
        expected.putAll(versions);
        return expected;
    }

    /** For the soak: how many conferences' dashboards differ from the classic answer, plus one if the counts do. */
    int mismatches(Duration timeout) {
        int mismatches = 0;
        for (var conference : expectedVersions().entrySet()) {
            mismatches += differs(() -> {
                oracle.awaitDashboard(conference.getKey(), conference.getValue(), timeout);
                oracle.assertDashboard(conference.getKey(), conference.getValue());
            });
        }
        return mismatches + differs(() -> oracle.assertCountsByStatus(0));
    }

    private static int differs(Runnable comparison) {
        try {
            comparison.run();
            return 0;
        } catch (AssertionError | RuntimeException e) {
            System.out.println("mismatch: " + e.getMessage());
            return 1;
        }
    }

    /** The reference store is on the system's database: its writes wait out a fault there too. */
    private static void untilDone(Runnable write) {
        for (int attempt = 0; ; attempt++) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                if (attempt > 600) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registration ids in the event store, with how many PersonRegistered events each has. */
    static Map<String, Integer> storedRegistrations(String databaseUrl) throws SQLException {
        var stored = new HashMap<String, Integer>();
        try (var connection = DriverManager.getConnection(databaseUrl, PostgresServer.USER, "");
             var query = connection.prepareStatement("""
                     select convert_from(payload, 'UTF8')::jsonb ->> 'registrationId'
                     from event_store.domain_event_entry where payload_type like 'registration.person-registered%'""");
             var rows = query.executeQuery()) {
            while (rows.next()) {
                stored.merge(rows.getString(1), 1, Integer::sum);
            }
        }
        return stored;
    }
}
