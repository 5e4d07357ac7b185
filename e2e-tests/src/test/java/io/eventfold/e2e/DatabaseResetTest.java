package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.infra.HttpJson;
import io.eventfold.infra.TestInfrastructure;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL backend killed with SIGKILL, five times, while writers register people: PostgreSQL then resets
 * every connection and replays its WAL, as after a crash or a fail-over. Writers retry each registration with
 * its own id until it is answered for good. At the end every registration answered 2xx is in the event store,
 * exactly once, and every dashboard and count equals the classic computation over what was acknowledged.
 */
class DatabaseResetTest extends FullSystemTest {

    /** One conference each: the classic computation orders recent registrations as one writer made them. */
    private static final int WRITERS = 4;

    @Test
    void no_acknowledged_registration_is_lost_or_stored_twice_when_the_database_resets() throws Exception {
        var driver = new HistoryDriver(new HttpJson(system.url(Service.COMMAND)), oracle.reference(), "reset");
        for (int c = 0; c < WRITERS; c++) {
            driver.schedule(c, c % 3, c, 1, 1_000_000);
            driver.play(new HistoryDriver.Step(0, c, 1, 0)); // published: open for registrations
        }
        var writers = new Writers(driver);

        Thread.sleep(1500);
        var killed = new ArrayList<Long>();
        for (int kill = 0; kill < 5; kill++) {
            killed.add(killOneBackend());
            Thread.sleep(1500);
        }
        writers.stop();
        System.out.printf("database reset: %d backends killed, %d registrations acknowledged, %d answers 503%n",
                killed.size(), writers.acknowledged.size(), writers.unavailable.get());

        assertThat(killed).as("a backend was killed each time").doesNotContainNull();
        assertThat(writers.acknowledged).as("writes were acknowledged").hasSizeGreaterThan(50);
        var stored = storedRegistrations();
        var missing = new HashSet<>(writers.acknowledged.keySet());
        missing.removeAll(stored.keySet());
        assertThat(missing).as("acknowledged but not stored").isEmpty();
        assertThat(stored.values()).as("stored more than once").allMatch(times -> times == 1);
        assertThat(writers.unexpected).as("answers other than 200, 201 or 503").isEmpty();
        for (int c = 0; c < WRITERS; c++) {
            var id = driver.conference(c);
            long version = writers.versions.getOrDefault(id, 0L);
            oracle.awaitDashboard(id, version, Duration.ofSeconds(60));
            oracle.assertDashboard(id, version);
        }
        oracle.assertCountsByStatus(0);
    }

    /** Registers new people without pause, each registration retried with its own id until answered. */
    private static final class Writers {

        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final Map<String, Long> versions = new ConcurrentHashMap<>();
        final List<String> unexpected = new ArrayList<>();
        final AtomicInteger unavailable = new AtomicInteger();
        private final AtomicBoolean writing = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Writers(HistoryDriver driver) {
            var api = new HttpJson(system.url(Service.COMMAND));
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                var thread = new Thread(() -> {
                    for (int n = 0; writing.get(); n++) {
                        register(api, driver.conference(writer), "w" + writer + "-" + n);
                    }
                }, "reset-writer-" + w);
                thread.start();
                threads.add(thread);
            }
        }

        private void register(HttpJson api, String conference, String registration) {
            var body = """
                    {"registrationId":"%s","userId":"u-%s","name":"Person %s","email":"%s@example.com",
                     "role":"ATTENDEE"}""".formatted(registration, registration, registration, registration);
            for (int attempt = 0; attempt < 600; attempt++) {
                HttpJson.Response response;
                try {
                    response = api.post("/api/events/" + conference + "/registrations", body);
                } catch (RuntimeException connectionFailed) {
                    pause();
                    continue;
                }
                boolean answered = (response.status() == 200 || response.status() == 201)
                        && response.json().get("version") != null;
                if (answered) {
                    acknowledged.put(registration, conference);
                    versions.merge(conference, response.json().get("version").asLong(), Math::max);
                    untilDone(() -> oracle.reference().register(conference, registration, "u-" + registration,
                            "Person " + registration, registration + "@example.com", "ATTENDEE"));
                    return;
                }
                if (response.status() == 503) {
                    unavailable.incrementAndGet();
                } else {
                    synchronized (unexpected) {
                        unexpected.add(registration + ": " + response);
                    }
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
    }

    /** The reference store is on the same database: its writes wait out the reset too. */
    private static void untilDone(Runnable write) {
        for (int attempt = 0; ; attempt++) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                if (attempt > 100) {
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

    /** SIGKILL to a backend of the system's database: PostgreSQL resets every connection and recovers. */
    private static Long killOneBackend() throws SQLException {
        try (var connection = DriverManager.getConnection(system.databaseUrl(), TestInfrastructure.get().username(),
                "");
             var query = connection.prepareStatement("""
                     select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                     and backend_type = 'client backend' order by state = 'active' desc, random() limit 1""");
             var rows = query.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            long pid = rows.getLong(1);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            return pid;
        }
    }

    /** Registration ids in the event store, with how many PersonRegistered events each has. */
    private static Map<String, Integer> storedRegistrations() throws SQLException {
        var stored = new ConcurrentHashMap<String, Integer>();
        try (var connection = DriverManager.getConnection(system.databaseUrl(), TestInfrastructure.get().username(),
                "");
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
