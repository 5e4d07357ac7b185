package io.eventfold.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How the report's figures read in Markdown: table rows, numbers, ratios, verdicts and the CPU table. */
final class Markdown {

    private static final List<String> PIPELINE = List.of("command-service", "projection-service", "query-api");

    private Markdown() {
    }

    static String row(String what, String ours, String baseline, String ratio, String target, String met) {
        return "| %s | %s | %s | %s | %s | %s |".formatted(what, ours, baseline, ratio, target, met);
    }

    /** One part of a target, and whether the run met it. */
    record Part(String name, boolean met) {
    }

    static Part part(String name, boolean met) {
        return new Part(name, met);
    }

    /** "yes" when every part of a target is met, "**no**" when none is, otherwise which parts are. */
    static String verdict(Part... parts) {
        var met = new ArrayList<String>();
        var missed = new ArrayList<String>();
        for (var part : parts) {
            (part.met() ? met : missed).add(part.name());
        }
        if (missed.isEmpty()) {
            return "yes";
        }
        return met.isEmpty() ? "**no**" : "**partly**: " + String.join(", ", met) + " yes; "
                + String.join(", ", missed) + " no";
    }

    static String throughput(Measured.Throughput t) {
        return "%s/s, %.2f / %.2f ms".formatted(fmt(t.perSecond()), t.p50Millis(), t.p99Millis());
    }

    static String fmt(double value) {
        return "%,.0f".formatted(value);
    }

    static String ratio(double ours, double baseline) {
        return baseline == 0 ? "—" : "%.1f×".formatted(ours / baseline);
    }

    /**
     * CPU milliseconds per unit of work, per process, from {@code /proc}: with every core busy, their total
     * sets the rate, whichever process the work waits on. Empty where the system keeps no such accounts.
     */
    static String cpuTable(List<Measured.Cpu> cpu) {
        if (cpu.isEmpty()) {
            return "";
        }
        var processes = new ArrayList<String>();
        cpu.forEach(run -> run.millisPerUnit().keySet().stream().filter(p -> !processes.contains(p))
                .forEach(processes::add));
        // The services in the order of the pipeline, then the database and the bench.
        processes.sort(Comparator.comparingInt(p -> PIPELINE.contains(p) ? PIPELINE.indexOf(p) : PIPELINE.size()));
        var rows = new ArrayList<String>();
        rows.add(("CPU time per unit of work (ms, `/proc`), and the rate that all %d cores allow at that cost; in"
                + " brackets, the part a JVM's JIT compiler threads took:").formatted(cpu.get(0).cores()));
        rows.add("");
        rows.add("| run | per | " + String.join(" | ", processes) + " | total | cores allow |");
        rows.add("|---|---|" + "---|".repeat(processes.size() + 2));
        for (var run : cpu) {
            var cells = processes.stream().map(p -> run.millisPerUnit().containsKey(p) ? cpuCell(run, p) : "—")
                    .toList();
            rows.add("| %s | %s | %s | %.2f | %s %s |".formatted(run.run(), run.unit(), String.join(" | ", cells),
                    run.totalMillis(), fmt(run.ceiling()), run.rate()));
        }
        return String.join("\n", rows);
    }

    /** A process's milliseconds per unit; a JVM's with its JIT's part: "13.01 (JIT 4.52)". */
    static String cpuCell(Measured.Cpu run, String process) {
        var millis = "%.2f".formatted(run.millisPerUnit().get(process));
        var jit = run.jitMillisPerUnit().get(process);
        return jit == null ? millis : "%s (JIT %.2f)".formatted(millis, jit);
    }
}
