package io.eventfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harness end to end at the tiny scale: every benchmark runs against the real services and writes its
 * figures. Checks that each part measured something, never how fast: timings belong to the bench runs. An IT: it
 * starts PostgreSQL, Kafka and the services' packaged jars.
 */
class BenchSmokeIT {

    @Test
    void every_benchmark_runs_and_reports_its_figures() throws Exception {
        var root = Path.of("..").toAbsolutePath().normalize();
        var filesBefore = benchFiles();

        BenchMain.bench(new Options(Map.of("scale", "tiny", "root", root.toString())));

        // The database's and broker's files are gone: half a GiB each large run, and they filled this disk once.
        assertThat(benchFiles()).isSubsetOf(filesBefore);

        var json = JsonMapper.builder().build().readTree(Files.readString(root.resolve("bench/results/tiny.json")));
        long events = json.get("events").asLong();
        assertThat(events).isGreaterThan(400);
        assertThat(json.get("replay")).hasSize(3);
        json.get("replay").forEach(r -> assertThat(r.get("events").asLong()).as(r.toString()).isEqualTo(events));
        assertThat(json.get("dashboardReads")).hasSize(3);
        json.get("dashboardReads").forEach(r -> assertThat(r.get("requests").asLong()).isPositive());
        assertThat(json.get("commands").get("requests").asLong()).isEqualTo(50);
        // The tiny scale's two clients leave one fewer: a single client, half as many registrations.
        assertThat(json.get("commandsWithFewerClients")).singleElement().satisfies(run -> {
            assertThat(run.get("clients").asInt()).isEqualTo(1);
            assertThat(run.get("result").get("requests").asLong()).isEqualTo(25);
        });
        assertThat(json.get("commandsOnOneConference").get("requests").asLong()).isEqualTo(25);
        // Each timed command run, with how many registrations its commands carried: at least one each.
        var perCommand = json.get("registrationsPerCommand");
        assertThat(perCommand.propertyNames()).containsExactly("2 clients", "1 client", "2 clients, one conference");
        perCommand.forEach(run -> assertThat(run.asDouble()).isBetween(1.0, 2.0));
        assertThat(json.get("freshness").get("probes").asInt()).isPositive();
        assertThat(json.get("freshnessBelowSaturation").get("probes").asInt()).isPositive();
        // Where the delay went, from projection-service's own stage metrics: a number, not NaN (no samples).
        for (var run : new String[] {"freshness", "freshnessBelowSaturation"}) {
            assertThat(json.get(run).get("relayMillis").isNumber()).as(run).isTrue();
            assertThat(json.get(run).get("projectorMillis").asDouble()).as(run).isPositive();
        }
        assertThat(json.get("memory").get("peakHeapBytes").asLong()).isPositive();
        var markdown = Files.readString(root.resolve("bench/results/tiny.md"));
        assertThat(markdown).contains("| Replay", "| Dashboard",
                "| Commands with fewer clients, for context | 1 client: ",
                "| Commands, all clients on one conference, for context | ",
                "| Registrations per command (queued on their conference), for context | 2 clients: ");
        // Whose CPU each run used, per unit of its work (where the system keeps the accounts, as Linux does): the
        // process doing the work, and the database (whose share of a tiny run may be below Linux's 10 ms ticks).
        var cpu = json.get("cpu");
        if (!CpuUse.available()) {
            assertThat(cpu).isEmpty();
            return;
        }
        assertThat(cpu).extracting(run -> run.get("run").asString())
                .containsExactly("Replay, live", "Replay, rebuild", "Commands");
        for (var run : cpu) {
            var worker = run.get("run").asString().equals("Commands") ? "command-service" : "projection-service";
            assertThat(run.get("millisPerUnit").get(worker).asDouble()).as(run.toString()).isPositive();
            assertThat(run.get("millisPerUnit").get("PostgreSQL").asDouble()).as(run.toString()).isNotNegative();
            assertThat(run.get("ceiling").asDouble()).as(run.toString()).isPositive();
            // A service's own JIT is part of its CPU; the database has none.
            var jit = run.get("jitMillisPerUnit");
            assertThat(jit.get(worker).asDouble()).as(run.toString())
                    .isBetween(0.0, run.get("millisPerUnit").get(worker).asDouble());
            assertThat(jit.has("PostgreSQL")).as(run.toString()).isFalse();
        }
        assertThat(markdown).contains("| Commands | registration | ", " (JIT ");
    }

    private static List<Path> benchFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith(BenchInfrastructure.TEMP_PREFIX)).toList();
        }
    }
}
