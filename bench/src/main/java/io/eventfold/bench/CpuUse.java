package io.eventfold.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of the processes a run involves, from Linux's {@code /proc/<pid>/stat}: what a unit of work (an event
 * replayed, a registration) cost each of them. On a machine whose cores are all busy, these costs, not waits,
 * set the rate: their sum is the CPU time per unit, and the cores divided by it the most the machine can do.
 */
final class CpuUse {

    /** Linux reports CPU time in clock ticks of 1/100 s on every architecture the bench runs on. */
    private static final double TICKS_PER_SECOND = 100;

    /**
     * A process to account for; {@code withChildren}: with the processes it started (PostgreSQL's postmaster
     * and its backends, including those that have exited), not for a JVM whose children are measured apart.
     */
    record Source(String name, long pid, boolean withChildren) {
    }

    /**
     * CPU seconds per source, in the order the sources were given; and of a JVM's, the ticks of each of its JIT
     * compiler threads, by thread id.
     */
    record Sample(Map<String, Double> seconds, Map<String, Map<Long, Long>> compilerTicks) {

        /** What each source used between {@code earlier} and this sample, per unit of work, in milliseconds. */
        Usage since(Sample earlier, double units) {
            var millis = new LinkedHashMap<String, Double>();
            seconds.forEach((name, value) -> millis.put(name,
                    (value - earlier.seconds.getOrDefault(name, 0.0)) * 1_000 / units));
            var jit = new LinkedHashMap<String, Double>();
            compilerTicks.forEach((name, threads) -> {
                var before = earlier.compilerTicks.getOrDefault(name, Map.of());
                long ticks = threads.entrySet().stream()
                        .mapToLong(thread -> thread.getValue() - before.getOrDefault(thread.getKey(), 0L)).sum();
                jit.put(name, ticks / TICKS_PER_SECOND * 1_000 / units);
            });
            return new Usage(millis, jit);
        }
    }

    /**
     * CPU milliseconds per unit of work, per process; and of a JVM's, what its JIT compilers took: work a
     * just-started service does once, while its code is still being compiled, and a long-running one no longer.
     */
    record Usage(Map<String, Double> millisPerUnit, Map<String, Double> jitMillisPerUnit) {

        double totalMillis() {
            return millisPerUnit.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Units per second that {@code cores} fully busy allow at this cost. */
        double ceiling(int cores) {
            double total = totalMillis();
            return total <= 0 ? 0 : cores * 1_000 / total;
        }
    }

    private CpuUse() {
    }

    /** Whether this system keeps the accounts read here: Linux does; macOS, say, has no {@code /proc}. */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    static Sample sample(List<Source> sources) {
        var seconds = new LinkedHashMap<String, Double>();
        var compilers = new LinkedHashMap<String, Map<Long, Long>>();
        for (var source : sources) {
            long ticks = ticks(read(source.pid()), source.withChildren());
            if (source.withChildren()) {
                ticks += ProcessHandle.of(source.pid()).stream().flatMap(ProcessHandle::children)
                        .mapToLong(child -> ticks(read(child.pid()), true)).sum();
            }
            seconds.merge(source.name(), ticks / TICKS_PER_SECOND, Double::sum);
            // Several JVMs may count under one name (the bench and its jstat): thread ids are unique system-wide.
            var threads = compilerThreads(source.pid());
            if (!threads.isEmpty()) {
                compilers.computeIfAbsent(source.name(), name -> new LinkedHashMap<>()).putAll(threads);
            }
        }
        return new Sample(seconds, compilers);
    }

    /**
     * Ticks of a JVM's JIT compiler threads ("C1 CompilerThread0", cut to 15 characters by the kernel), by
     * thread id: none for another program. A thread the JVM stops between two samples (it may, above one
     * compiler thread of each kind) takes its last ticks with it, so the JIT's share is a lower bound.
     */
    private static Map<Long, Long> compilerThreads(long pid) {
        var threads = new LinkedHashMap<Long, Long>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                var stat = readQuietly(task.resolve("stat"));
                if (isCompiler(stat)) {
                    threads.put(Long.parseLong(task.getFileName().toString()), ticks(stat, false));
                }
            });
        } catch (IOException | UncheckedIOException gone) {
            // A process that has gone has no threads left to count.
        }
        return threads;
    }

    static boolean isCompiler(String stat) {
        int name = stat.indexOf('(');
        return name >= 0 && stat.startsWith("CompilerThre", name + 4)
                && (stat.startsWith("C1 ", name + 1) || stat.startsWith("C2 ", name + 1));
    }

    /**
     * User and system ticks from a stat line; with the children's the process has waited for. The name field
     * may hold spaces and parentheses, so the fields are counted from its closing parenthesis.
     */
    static long ticks(String stat, boolean withChildren) {
        if (stat.isEmpty()) {
            return 0;
        }
        // Fields from the third (state): utime is the 14th, stime, cutime and cstime follow.
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }

    /** The stat line, or nothing for a process that has gone (its time is then its parent's to count). */
    private static String read(long pid) {
        return readQuietly(Path.of("/proc", Long.toString(pid), "stat"));
    }

    private static String readQuietly(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException gone) {
            return "";
        }
    }
}
