package io.eventfold.bench;

import io.eventfold.testsupport.ServiceProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Samples a service's heap and keeps the peak, from outside the process: {@code jstat} reads the counters the
 * JVM keeps in shared memory, five times a second, and the service does nothing for it (jstat's own CPU, about
 * 1% of a core after its start, counts as the bench's). Asking the service's actuator instead put Tomcat, Spring
 * MVC and Micrometer on the replay's hot path (3.5% of projection-service's CPU samples, more to compile).
 * Resident memory's peak is the kernel's own high-water mark.
 */
final class ProcessSampler implements AutoCloseable {

    /** The heap's pools in {@code jstat -gc}'s columns (KiB): both survivor spaces, eden, old generation. */
    private static final List<String> HEAP_COLUMNS = List.of("S0U", "S1U", "EU", "OU");

    private final Process jstat;
    private final Path status;
    private volatile long peakHeap;

    ProcessSampler(ServiceProcess service) {
        var command = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
        try {
            jstat = new ProcessBuilder(command, "-gc", String.valueOf(service.pid()), "200")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("The bench needs a JDK's jstat (" + command + ") to sample the heap", e);
        }
        status = Path.of("/proc", String.valueOf(service.pid()), "status");
        var reader = new Thread(this::read, "heap-sampler");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            var header = lines.readLine();
            for (var line = lines.readLine(); header != null && line != null; line = lines.readLine()) {
                peakHeap = Math.max(peakHeap, heapUsed(header, line));
            }
        } catch (IOException | RuntimeException sampleMissed) {
            // jstat ends when the service does; what it read until then stands.
        }
    }

    /** Bytes in the heap's pools, from a {@code jstat -gc} header and one line of its figures. */
    static long heapUsed(String header, String figures) {
        var names = Arrays.asList(header.trim().split("\\s+"));
        var values = figures.trim().split("\\s+");
        double kib = 0;
        for (var column : HEAP_COLUMNS) {
            kib += Double.parseDouble(values[names.indexOf(column)]);
        }
        return Math.round(kib * 1024);
    }

    long pid() {
        return jstat.pid();
    }

    /** Refuses to report a heap it never saw: a peak of 0 would pass the target. */
    long peakHeapBytes() {
        if (peakHeap == 0) {
            throw new IllegalStateException("jstat read no heap figures from the service (its message, if any, "
                    + "is above); is it a JDK's, and does the service run with -XX:+UsePerfData (the default)?");
        }
        return peakHeap;
    }

    /** The kernel's high-water mark of the service's resident memory (VmHWM), 0 where there is no /proc. */
    long peakRssBytes() {
        try {
            for (var line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
