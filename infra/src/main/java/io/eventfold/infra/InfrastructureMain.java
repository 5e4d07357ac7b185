package io.eventfold.infra;

import io.eventfold.issuer.TokenCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure process of {@code ./eventfold run}: starts PostgreSQL and/or Kafka with their data under
 * {@code EVENTFOLD_HOME} (default {@code .eventfold}) and stops them cleanly on SIGINT/SIGTERM. Each part, once
 * it accepts connections, writes {@code <part>.ready} (its settings for the services) and {@code <part>.pid}.
 * If a part cannot start (port in use, data directory owned by a live process, someone else's server on the
 * port), it prints why and exits with status 1, stopping what it had started and writing no ready file.
 *
 * <p>Arguments: {@code postgres} and/or {@code kafka} (what to start), or {@code token …}: the local issuer's
 * {@link TokenCommand}, here so that {@code ./eventfold token} needs no jar of its own. Ports come from
 * {@code EVENTFOLD_PG_PORT} (54329), {@code EVENTFOLD_KAFKA_PORT} (19092) and
 * {@code EVENTFOLD_KAFKA_CONTROLLER_PORT} (19093).
 */
public final class InfrastructureMain {

    private InfrastructureMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("token")) {
            TokenCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        var home = Path.of(env("EVENTFOLD_HOME", ".eventfold")).toAbsolutePath();
        var what = List.of(args.length == 0 ? new String[] {"postgres", "kafka"} : args);
        Files.createDirectories(home);
        for (var part : what) {
            removeStale(home, part);
        }
        var started = Collections.synchronizedList(new ArrayList<AutoCloseable>());
        var ready = Collections.synchronizedList(new ArrayList<String>());
        var stopped = new CountDownLatch(1);
        // Registered first, so a failure part-way (or a signal during start-up) still stops what is up. Only our
        // own ready files go: a second run refused on the same home must not remove the first one's.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (var part : List.copyOf(ready)) {
                deleteQuietly(home.resolve(part + ".ready"), home.resolve(part + ".pid"));
            }
            for (int i = started.size() - 1; i >= 0; i--) {
                closeQuietly(started.get(i));
            }
            stopped.countDown();
        }, "infra-stop"));
        try {
            for (var part : what) {
                var settings = start(part, home, started);
                ready.add(part);
                writeReady(home, part, settings);
                settings.forEach((name, value) -> System.out.println("infrastructure ready: " + name + "=" + value));
            }
        } catch (Exception e) {
            System.err.println("infrastructure: " + messages(e));
            System.exit(1);
        }
        stopped.await();
    }

    private static Map<String, String> start(String part, Path home, List<AutoCloseable> started) {
        switch (part) {
            case "postgres" -> {
                var postgres = PostgresServer.start(home.resolve("postgres"), intEnv("EVENTFOLD_PG_PORT", 54329),
                        false, Map.of());
                started.add(postgres);
                var database = postgres.ensureDatabase("eventfold");
                // No user name: each service connects as its own role (ServiceRoles), named in its properties.
                ServiceRoles.prepare(database);
                return Map.of("SPRING_DATASOURCE_URL", database);
            }
            case "kafka" -> {
                var kafka = KafkaBroker.start(home.resolve("kafka"), intEnv("EVENTFOLD_KAFKA_PORT", 19092),
                        intEnv("EVENTFOLD_KAFKA_CONTROLLER_PORT", 19093));
                started.add(kafka);
                return Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            }
            default -> throw new IllegalArgumentException("Unknown part " + part + " (postgres or kafka)");
        }
    }

    /** A killed run leaves its ready file behind; a live one's stays (this run is then refused anyway). */
    private static void removeStale(Path home, String part) throws IOException {
        var pidFile = home.resolve(part + ".pid");
        var pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
        if (!pid.matches("\\d+") || ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive).isEmpty()) {
            deleteQuietly(home.resolve(part + ".ready"), pidFile);
        }
    }

    /** Written whole and then moved into place: whoever waits for the file never reads half of it. */
    private static void writeReady(Path home, String part, Map<String, String> settings) throws IOException {
        Files.writeString(home.resolve(part + ".pid"), ProcessHandle.current().pid() + "\n");
        var lines = settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
        var partial = Files.write(home.resolve(part + ".ready.partial"), lines);
        Files.move(partial, home.resolve(part + ".ready"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The causes' messages in one line: "PostgreSQL did not start: ... : port 54329 is in use ...". */
    static String messages(Throwable e) {
        var text = new StringBuilder(String.valueOf(e.getMessage()));
        for (var cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static void deleteQuietly(Path... files) {
        for (var file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("infrastructure: could not delete " + file + ": " + e);
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("infrastructure: stopping " + closeable + " failed: " + e);
        }
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }
}
