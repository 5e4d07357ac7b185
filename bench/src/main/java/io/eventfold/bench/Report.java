package io.eventfold.bench;

import static io.eventfold.bench.Markdown.fmt;
import static io.eventfold.bench.Markdown.part;
import static io.eventfold.bench.Markdown.ratio;
import static io.eventfold.bench.Markdown.row;
import static io.eventfold.bench.Markdown.throughput;
import static io.eventfold.bench.Markdown.verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Collects the figures, prints each as it comes, and writes them out: JSON, and the Markdown table with verdicts. */
final class Report {

    private static final double MIB = 1024 * 1024;

    private final String scale;
    private final String machine;
    private long events;
    private final List<Measured.Replay> replays = new ArrayList<>();
    private final List<Measured.Throughput> reads = new ArrayList<>();
    /** The dashboard reads through a query-api from before authentication, without a token; null if not run. */
    private Measured.Throughput readWithoutToken;
    private Measured.Throughput commands;
    private final List<WithClients> commandsWithFewerClients = new ArrayList<>();
    private Measured.Throughput commandsOnOneConference;
    private Map<String, Double> registrationsPerCommand = Map.of();
    private CommandBench.Freshness freshness;
    private CommandBench.Freshness calmFreshness;
    private long peakHeap;
    private long peakRss;
    private final List<Measured.Cpu> cpu = new ArrayList<>();

    Report(String scale, String machine) {
        this.scale = scale;
        this.machine = machine;
    }

    void events(long count) {
        events = count;
    }

    void replay(Measured.Replay replay) {
        replays.add(replay);
        System.out.printf("  replay  %-74s %,12.0f events/s (%,d of %,d events)%n", replay.approach(),
                replay.eventsPerSecond(), replay.events(), replay.available());
    }

    void read(Measured.Throughput read) {
        reads.add(read);
        print("read", read);
    }

    void readWithoutToken(Measured.Throughput read) {
        readWithoutToken = read;
        print("read", read);
    }

    void commands(Measured.Throughput result) {
        commands = result;
        print("command", result);
    }

    /** The same registrations with fewer clients in flight: what latency costs in throughput. */
    void commandsWithFewerClients(int clients, Measured.Throughput result) {
        commandsWithFewerClients.add(new WithClients(clients, result));
        print("command", result);
    }

    /** Every client on the same conference: what its aggregate, one command at a time, allows. */
    void commandsOnOneConference(Measured.Throughput result) {
        commandsOnOneConference = result;
        print("command", result);
    }

    /** Per command run, the registrations each command carried: how often requests met on a conference. */
    void registrationsPerCommand(Map<String, Double> perRun) {
        registrationsPerCommand = perRun;
        System.out.println("  batches registrations per command: " + perCommand());
    }

    private String perCommand() {
        return String.join("; ", registrationsPerCommand.entrySet().stream()
                .map(run -> "%s: %.2f".formatted(run.getKey(), run.getValue())).toList());
    }

    /** A run with this many concurrent clients. */
    record WithClients(int clients, Measured.Throughput result) {
    }

    /** At the target rate of 1,000 commands/s. */
    void freshness(CommandBench.Freshness result) {
        freshness = result;
        print(result);
    }

    /** Below what the system sustains: the pipeline's own latency, without commands queueing for it. */
    void calmFreshness(CommandBench.Freshness result) {
        calmFreshness = result;
        print(result);
    }

    private static void print(CommandBench.Freshness result) {
        System.out.printf("  fresh   offered %,d, sustained %,.0f commands/s: p50 %.1f ms, p99 %.1f ms (%d probes);"
                        + " mean per event: relay %.1f ms, projector %.1f ms%n", result.offered(),
                result.commandsPerSecond(), result.p50Millis(), result.p99Millis(), result.probes(),
                result.relayMillis(), result.projectorMillis());
    }

    /**
     * Where the CPU of a run went, per unit of its work ({@code unit}, of {@code items} items each);
     * {@code rate} names what the ceiling counts per second. Left out where the system keeps no such accounts.
     */
    void cpu(String run, String unit, int items, String rate, CpuUse.Usage usage) {
        if (!CpuUse.available()) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        var measured = new Measured.Cpu(run, unit, usage.millisPerUnit(), usage.jitMillisPerUnit(),
                usage.totalMillis(), cores, usage.ceiling(cores) * items, rate);
        cpu.add(measured);
        var parts = new ArrayList<String>();
        measured.millisPerUnit().keySet()
                .forEach(process -> parts.add(process + " " + Markdown.cpuCell(measured, process)));
        System.out.printf("  cpu     %-16s ms per %s: %s; total %.2f ms: %d cores allow %,.0f %s%n", run, unit,
                String.join(", ", parts), measured.totalMillis(), cores, measured.ceiling(), rate);
    }

    void memory(long heap, long rss) {
        peakHeap = heap;
        peakRss = rss;
    }

    private static void print(String kind, Measured.Throughput t) {
        System.out.printf("  %-7s %-74s %,10.0f/s  p50 %.2f ms  p99 %.2f ms%n", kind, t.approach(), t.perSecond(),
                t.p50Millis(), t.p99Millis());
    }

    /** The Markdown table for the README: figures, ratios to the baselines, targets and whether they are met. */
    String table() {
        var ours = replays.get(0);
        var rebuild = replays.get(1);
        var baseline = replays.get(2);
        var dashboard = reads.get(0);
        var nPlusOne = reads.get(1);
        var joined = reads.get(2);
        var rows = new ArrayList<String>();
        rows.add("| benchmark | EventFold | baseline(s) | ratio | target | met |");
        rows.add("|---|---|---|---|---|---|");
        rows.add(row("Replay, live consumer from offset 0 (events/s)", fmt(ours.eventsPerSecond()),
                "Axon-style JPA: " + fmt(baseline.eventsPerSecond()) + note(baseline),
                ratio(ours.eventsPerSecond(), baseline.eventsPerSecond()), "≥ 100,000/s and ≥ 50×",
                verdict(part("≥ 100,000/s", ours.eventsPerSecond() >= 100_000),
                        part("≥ 50×", ours.eventsPerSecond() >= 50 * baseline.eventsPerSecond()))));
        rows.add(row("Replay, rebuild of both projections (events/s)", fmt(rebuild.eventsPerSecond()),
                "Axon-style JPA: " + fmt(baseline.eventsPerSecond()),
                ratio(rebuild.eventsPerSecond(), baseline.eventsPerSecond()), "≥ 100,000/s and ≥ 50×",
                verdict(part("≥ 100,000/s", rebuild.eventsPerSecond() >= 100_000),
                        part("≥ 50×", rebuild.eventsPerSecond() >= 50 * baseline.eventsPerSecond()))));
        rows.add(row("Dashboard reads (requests/s, p50 / p99 ms)", throughput(dashboard),
                "N+1: " + throughput(nPlusOne) + "; joined: " + throughput(joined),
                ratio(dashboard.perSecond(), nPlusOne.perSecond()) + " / "
                        + ratio(dashboard.perSecond(), joined.perSecond()),
                "≥ 10,000/s, p99 ≤ 10 ms, ≥ 20× N+1",
                verdict(part("≥ 10,000/s", dashboard.perSecond() >= 10_000),
                        part("p99 ≤ 10 ms", dashboard.p99Millis() <= 10),
                        part("≥ 20× N+1", dashboard.perSecond() >= 20 * nPlusOne.perSecond()))));
        if (readWithoutToken != null) {
            rows.add(tokenCost(dashboard, readWithoutToken));
        }
        rows.add(row("Commands: registrations (per s, p50 / p99 ms)", throughput(commands), "—", "—",
                "≥ 2,000/s, p99 ≤ 50 ms", verdict(part("≥ 2,000/s", commands.perSecond() >= 2_000),
                        part("p99 ≤ 50 ms", commands.p99Millis() <= 50))));
        if (!commandsWithFewerClients.isEmpty()) {
            rows.add(row("Commands with fewer clients, for context", String.join("; ",
                    commandsWithFewerClients.stream().map(run -> CommandBench.clients(run.clients()) + ": "
                            + throughput(run.result())).toList()),
                    "—", "—", "—", "—"));
        }
        if (commandsOnOneConference != null) {
            rows.add(row("Commands, all clients on one conference, for context",
                    throughput(commandsOnOneConference), "—", "—", "—", "—"));
        }
        if (!registrationsPerCommand.isEmpty()) {
            rows.add(row("Registrations per command (queued on their conference), for context", perCommand(),
                    "—", "—", "—", "—"));
        }
        rows.add(row("Freshness: response → visible (p50 / p99 ms)", describe(freshness), "—", "—",
                "p99 ≤ 100 ms at 1,000/s", verdict(part("p99 ≤ 100 ms", freshness.p99Millis() <= 100),
                        part("at 1,000/s", freshness.commandsPerSecond() >= 990))));
        rows.add(row("Freshness below saturation, for context", describe(calmFreshness), "—", "—", "—", "—"));
        rows.add(row("projection-service memory during replay", "heap %.0f MiB, RSS %.0f MiB".formatted(
                peakHeap / MIB, peakRss / MIB), "—", "—", "heap ≤ 512 MiB",
                verdict(part("heap ≤ 512 MiB", peakHeap <= 512 * MIB))));
        return String.join("\n", rows);
    }

    /** The bar for authentication: reads with a token at ≥ 90% of the same reads' rate without one. */
    static String tokenCost(Measured.Throughput withToken, Measured.Throughput without) {
        double share = withToken.perSecond() / without.perSecond();
        return row("Dashboard reads with a token, against the same reads without authentication",
                throughput(withToken), without.approach() + ": " + throughput(without),
                "%.0f%%".formatted(100 * share), "≥ 90% of the rate without",
                verdict(part("≥ 90%", share >= 0.9)));
    }

    private static String describe(CommandBench.Freshness measured) {
        return "%.0f / %.0f ms at %s of %s offered commands/s (mean relay %.0f ms, projector %.0f ms)".formatted(
                measured.p50Millis(), measured.p99Millis(), fmt(measured.commandsPerSecond()), fmt(measured.offered()),
                measured.relayMillis(), measured.projectorMillis());
    }

    private static String note(Measured.Replay replay) {
        return replay.events() < replay.available()
                ? " (first %,d of %,d events in its time budget)".formatted(replay.events(), replay.available()) : "";
    }

    void write(Path directory) {
        var json = new LinkedHashMap<String, Object>();
        json.put("scale", scale);
        json.put("machine", machine);
        json.put("at", Instant.now().toString());
        json.put("events", events);
        json.put("replay", replays);
        json.put("dashboardReads", reads);
        json.put("dashboardReadsWithoutToken", readWithoutToken);
        json.put("commands", commands);
        json.put("commandsWithFewerClients", commandsWithFewerClients);
        json.put("commandsOnOneConference", commandsOnOneConference);
        json.put("registrationsPerCommand", registrationsPerCommand);
        json.put("freshness", freshness);
        json.put("freshnessBelowSaturation", calmFreshness);
        json.put("memory", Map.of("peakHeapBytes", peakHeap, "peakRssBytes", peakRss));
        json.put("cpu", cpu);
        try {
            Files.createDirectories(directory);
            var mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(directory.resolve(scale + ".json"), mapper.writeValueAsString(json));
            Files.writeString(directory.resolve(scale + ".md"), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The README's benchmark section body: command, machine, data set, table. */
    String markdown() {
        return """
                `./eventfold bench --scale %s` on %s, %s: %,d events.

                %s

                %s
                """.formatted(scale, machine, Instant.now().toString().substring(0, 10), events, table(),
                Markdown.cpuTable(cpu));
    }
}
