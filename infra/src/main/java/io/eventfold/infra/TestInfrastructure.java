package io.eventfold.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh real servers for one test JVM: started on first use, on free ports and in temporary directories,
 * stopped when the JVM exits. Each test context takes its own database and topic, so contexts in one JVM
 * never see each other's data.
 */
public final class TestInfrastructure {

    /**
     * Flushing to disk only matters if the machine crashes; tests kill processes, not machines. Commits still
     * wait for their WAL to reach the operating system: a killed backend makes PostgreSQL replay its WAL, and
     * the fault tests count on every acknowledged commit surviving that.
     */
    private static final Map<String, String> FAST = Map.of("fsync", "off", "full_page_writes", "off");

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile TestInfrastructure instance;

    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    private TestInfrastructure(PostgresServer postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static TestInfrastructure get() {
        if (instance == null) {
            synchronized (TestInfrastructure.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    private static TestInfrastructure start() {
        try {
            var root = Files.createTempDirectory("eventfold-test");
            var postgres = PostgresServer.start(root.resolve("postgres"), Ports.free(), true, FAST);
            var kafka = KafkaBroker.start(root.resolve("kafka"), Ports.free(), Ports.free());
            var started = new TestInfrastructure(postgres, kafka);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-infrastructure-stop"));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new database on the shared server, empty but for the services' roles and schemas ({@link ServiceRoles}). */
    public String newDatabase() {
        var url = postgres.ensureDatabase("test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
        ServiceRoles.prepare(url);
        return url;
    }

    /** A topic name no other test context uses. */
    public String newTopic() {
        return "test-events-" + COUNTER.incrementAndGet();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String username() {
        return PostgresServer.USER;
    }

    private void stop() {
        kafka.close();
        postgres.close();
    }
}
