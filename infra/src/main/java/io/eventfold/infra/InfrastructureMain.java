package io.eventfold.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure process of {@code ./eventfold run}: starts PostgreSQL and/or Kafka with their data
 * under {@code EVENTFOLD_HOME} (default {@code .eventfold}), writes {@code infra.ready} when both accept
 * connections, and stops them cleanly on SIGINT/SIGTERM.
 *
 * <p>Arguments: {@code postgres} and/or {@code kafka} (what to start). Ports come from
 * {@code EVENTFOLD_PG_PORT} (54329), {@code EVENTFOLD_KAFKA_PORT} (19092) and
 * {@code EVENTFOLD_KAFKA_CONTROLLER_PORT} (19093).
 */
public final class InfrastructureMain {

    private InfrastructureMain() {
    }

    public static void main(String[] args) throws Exception {
        var home = Path.of(env("EVENTFOLD_HOME", ".eventfold")).toAbsolutePath();
        var ready = home.resolve("infra.ready");
        Files.createDirectories(home);
        Files.deleteIfExists(ready);
        var what = List.of(args.length == 0 ? new String[] {"postgres", "kafka"} : args);
        var started = new ArrayList<AutoCloseable>();
        var lines = new ArrayList<String>();
        if (what.contains("postgres")) {
            var postgres = PostgresServer.start(home.resolve("postgres"), intEnv("EVENTFOLD_PG_PORT", 54329), false,
                    Map.of());
            started.add(postgres);
            lines.add("SPRING_DATASOURCE_URL=" + postgres.ensureDatabase("eventfold"));
            lines.add("SPRING_DATASOURCE_USERNAME=" + PostgresServer.USER);
        }
        if (what.contains("kafka")) {
            var kafka = KafkaBroker.start(home.resolve("kafka"), intEnv("EVENTFOLD_KAFKA_PORT", 19092),
                    intEnv("EVENTFOLD_KAFKA_CONTROLLER_PORT", 19093));
            started.add(kafka);
            lines.add("SPRING_KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers());
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = started.size() - 1; i >= 0; i--) {
                closeQuietly(started.get(i));
            }
            stopped.countDown();
        }, "infra-stop"));
        Files.write(ready, lines);
        lines.forEach(line -> System.out.println("infrastructure ready: " + line));
        stopped.await();
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
