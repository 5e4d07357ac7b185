package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.e2e.Faults.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code ./eventfold soak --minutes N}: the faults of the fault suite in random order (each kind once a round),
 * one every few seconds, against a system under load (writers registering people, readers reading) on servers
 * of its own, for N minutes. Then the writers stop, the read model catches up and is compared with the classic
 * computation, and a table is printed and written to
 * {@code e2e-tests/target/soak-report.md}. Fails if an acknowledged write is missing or stored twice, or a row
 * differs from the fold of its events. Runs only when {@code eventfold.soak.minutes} is set.
 */
@EnabledIfSystemProperty(named = "eventfold.soak.minutes", matches = "\\d+")
class SoakIT {

    private static final Path PROGRESS = Path.of("target", "soak-progress.log");

    @Test
    void faults_at_random_under_load_lose_nothing_and_leave_every_row_equal_to_its_fold() throws Exception {
        var minutes = Duration.ofMinutes(Long.getLong("eventfold.soak.minutes"));
        long seed = Long.getLong("eventfold.soak.seed", System.nanoTime());
        var random = new Random(seed);
        var recoveries = new EnumMap<Fault, List<Duration>>(Fault.class);
        long started = System.nanoTime();
        Files.deleteIfExists(PROGRESS);
        try (var parts = InfraParts.start(); var system = EventFoldSystem.startOn(parts.settings());
             var oracle = new Oracle(system)) {
            var writers = new RegistrationWriters(oracle, () -> List.of(system.url(Service.COMMAND)), "soak", 4);
            var readers = new ContinuousReaders(system, writers.conferences(), 2, true);
            var faults = new Faults(system, parts);
            var deadline = System.nanoTime() + minutes.toNanos();
            var deck = new ArrayList<Fault>();
            while (System.nanoTime() < deadline) {
                Thread.sleep(3000 + random.nextInt(7000));
                if (deck.isEmpty()) { // every kind once per round, in random order
                    deck.addAll(List.of(Fault.values()));
                    Collections.shuffle(deck, random);
                }
                var fault = deck.remove(deck.size() - 1);
                progress("[soak] %s: %s".formatted(elapsed(started), fault));
                faults.inject(fault);
                var recovery = faults.awaitRecovery(writers, Duration.ofMinutes(3));
                recoveries.computeIfAbsent(fault, f -> new ArrayList<>()).add(recovery);
                progress("[soak] %s: recovered in %.1f s".formatted(elapsed(started), recovery.toMillis() / 1e3));
            }
            writers.stop();
            readers.stop();

            var missing = writers.missing(system.databaseUrl());
            long twice = RegistrationWriters.storedRegistrations(system.databaseUrl()).values().stream()
                    .filter(times -> times > 1).count();
            int mismatches = writers.mismatches(Duration.ofMinutes(3));
            var report = report(seed, elapsed(started), recoveries, writers, readers, missing.size(), twice,
                    mismatches);
            System.out.println(report);
            Files.writeString(Path.of("target", "soak-report.md"), report);

            assertThat(missing).as("acknowledged but not stored").isEmpty();
            assertThat(twice).as("registrations stored twice").isZero();
            assertThat(mismatches).as("rows that differ from the fold of their events").isZero();
            assertThat(writers.unexpected).as("answers other than 200, 201 or 503").isEmpty();
            assertThat(readers.failures()).as("reads other than answers and 503s").isEmpty();
        }
    }

    private static String report(long seed, String took, Map<Fault, List<Duration>> recoveries,
                                 RegistrationWriters writers, ContinuousReaders readers, int missing, long twice,
                                 int mismatches) {
        var table = new StringBuilder("## Soak: " + took + ", seed " + seed + "\n\n")
                .append("| fault | injected | recovery, median | recovery, max |\n|---|---:|---:|---:|\n");
        for (var fault : Fault.values()) {
            var times = recoveries.getOrDefault(fault, List.of()).stream().mapToLong(Duration::toMillis).sorted()
                    .toArray();
            table.append("| ").append(fault.name().toLowerCase().replace('_', ' ')).append(" | ")
                    .append(times.length).append(" | ")
                    .append(times.length == 0 ? "-" : "%.1f s".formatted(times[times.length / 2] / 1e3))
                    .append(" | ")
                    .append(times.length == 0 ? "-" : "%.1f s".formatted(times[times.length - 1] / 1e3))
                    .append(" |\n");
        }
        return table.append("\n| outcome | count |\n|---|---:|\n")
                .append("| requests sent (retries included) | ").append(writers.requests.get()).append(" |\n")
                .append("| answered 503 (retried) | ").append(writers.unavailable.get()).append(" |\n")
                .append("| writes acknowledged | ").append(writers.acknowledged.size()).append(" |\n")
                .append("| acknowledged but missing | ").append(missing).append(" |\n")
                .append("| stored twice | ").append(twice).append(" |\n")
                .append("| answers other than 200/201/503 | ").append(writers.unexpected.size()).append(" |\n")
                .append("| reads answered | ").append(readers.reads()).append(" |\n")
                .append("| reads unavailable (503 or no connection) | ").append(readers.unavailableReads())
                .append(" |\n")
                .append("| oracle mismatches | ").append(mismatches).append(" |\n").toString();
    }

    /** Surefire keeps a test's output until the test ends: progress goes to a file of its own as it happens. */
    private static void progress(String line) throws IOException {
        System.out.println(line);
        Files.writeString(PROGRESS, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String elapsed(long started) {
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        return "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
