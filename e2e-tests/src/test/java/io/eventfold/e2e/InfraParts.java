package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.InfrastructureMain;
import io.eventfold.infra.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL and Kafka of one test as two processes of their own, started as {@code ./eventfold run} starts
 * them (InfrastructureMain, one part each), so that a test can pause or restart either while the other stays up.
 */
final class InfraParts implements AutoCloseable {

    enum Part {
        POSTGRES, KAFKA;

        String argument() {
            return name().toLowerCase();
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path home;
    private final Map<String, String> ports;
    private final Map<Part, Process> running = new HashMap<>();

    private InfraParts(Path home, Map<String, String> ports) {
        this.home = home;
        this.ports = ports;
    }

    static InfraParts start() {
        try {
            var parts = new InfraParts(Files.createTempDirectory("eventfold-parts"), Map.of(
                    "EVENTFOLD_PG_PORT", String.valueOf(Ports.free()),
                    "EVENTFOLD_KAFKA_PORT", String.valueOf(Ports.free()),
                    "EVENTFOLD_KAFKA_CONTROLLER_PORT", String.valueOf(Ports.free())));
            Runtime.getRuntime().addShutdownHook(new Thread(parts::close, "infra-parts-stop"));
            parts.start(Part.POSTGRES);
            parts.start(Part.KAFKA);
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the services need to reach both parts, as the parts wrote it into their ready files. */
    Map<String, String> settings() {
        var settings = new HashMap<String, String>();
        for (var part : Part.values()) {
            for (var line : read(home.resolve(part.argument() + ".ready"))) {
                int equals = line.indexOf('=');
                settings.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return settings;
    }

    /** Every process of the part stopped (SIGSTOP) for the pause, then continued: a hung server, not a dead one. */
    void pause(Part part, Duration pause) throws InterruptedException {
        var pids = processes(part);
        signal("STOP", pids);
        try {
            Thread.sleep(pause.toMillis());
        } finally {
            signal("CONT", pids);
        }
    }

    /** The part stopped as an operator stops it (SIGTERM: PostgreSQL's fast shutdown), then started again. */
    void restart(Part part) throws InterruptedException {
        Process process;
        synchronized (running) {
            process = running.remove(part);
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        start(part);
    }

    private void start(Part part) {
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=eventfold-infra-logback.xml",
                InfrastructureMain.class.getName(), part.argument());
        try {
            var log = Path.of(System.getProperty("eventfold.logs", "target/service-logs"))
                    .resolve("infra-" + part.argument() + "-" + home.getFileName() + ".log");
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("EVENTFOLD_HOME", home.toString());
            builder.environment().putAll(ports);
            var process = builder.start();
            synchronized (running) {
                running.put(part, process);
            }
            awaitReady(part, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Part part, Process process, Path log) throws IOException {
        var ready = home.resolve(part.argument() + ".ready");
        var pid = home.resolve(part.argument() + ".pid");
        var deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(ready) && Files.exists(pid)
                    && Files.readString(pid).trim().equals(String.valueOf(process.pid()))) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException(part + " did not become ready:\n" + Files.readString(log));
    }

    /** PostgreSQL is its postmaster and the processes it forked; Kafka is the part's own JVM. */
    private List<Long> processes(Part part) {
        long pid;
        synchronized (running) {
            pid = running.get(part).pid();
        }
        if (part == Part.POSTGRES) {
            pid = Long.parseLong(read(home.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
        }
        var handle = ProcessHandle.of(pid).orElseThrow();
        return Stream.concat(Stream.of(handle), handle.descendants()).map(ProcessHandle::pid).toList();
    }

    private static void signal(String signal, List<Long> pids) throws InterruptedException {
        var command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(pid.toString()));
        try {
            var kill = new ProcessBuilder(command).inheritIO().start();
            assertThat(kill.waitFor()).as(String.join(" ", command)).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        List<Process> processes;
        synchronized (running) {
            processes = List.copyOf(running.values());
            running.clear();
        }
        for (var process : processes) {
            process.destroy();
        }
        for (var process : processes) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
