package io.eventfold.bench;

import io.eventfold.infra.KafkaBroker;
import io.eventfold.infra.Ports;
import io.eventfold.infra.PostgresServer;
import io.eventfold.infra.ServiceRoles;
import io.eventfold.testsupport.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL and Kafka for one benchmark run, on this machine, in a fresh temporary folder; PostgreSQL with
 * its default durability (fsync on), as in production. The services run as processes of their jars.
 */
final class BenchInfrastructure implements AutoCloseable {

    static final String TEMP_PREFIX = "eventfold-bench";

    /** The database's and the broker's files: half a GiB after a large run, deleted on close. */
    private final Path root;
    private final PostgresServer postgres;
    private final Path postgresData;
    private final KafkaBroker kafka;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    /** Where the database's time went, for the report: its statements by total time, written on close. */
    private final Path statements = Optional.ofNullable(System.getProperty("eventfold.bench.pgstats"))
            .map(Path::of).orElse(null);
    private final Thread onExit = new Thread(this::stopServices, "bench-services-stop");

    BenchInfrastructure() {
        try {
            root = Files.createTempDirectory(TEMP_PREFIX);
            postgresData = root.resolve("postgres");
            postgres = PostgresServer.start(postgresData, Ports.free(), true, serverSettings());
            kafka = KafkaBroker.start(root.resolve("kafka"), Ports.free(), Ports.free());
            // An interrupted bench leaves no service processes behind.
            Runtime.getRuntime().addShutdownHook(onExit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of a system property ({@code -Dname="a b c"}), none when it is unset. */
    private static List<String> listed(String property) {
        var value = System.getProperty(property, "").strip();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    private static boolean selectsCollector(String option) {
        return option.matches("-XX:\\+Use\\w+GC");
    }

    /** Every approach runs on these; {@code -Deventfold.bench.pg="name=value …"} adds or overrides some. */
    private Map<String, String> serverSettings() {
        var settings = new HashMap<String, String>(Map.of("max_connections", "200"));
        if (statements != null) {
            settings.putAll(Map.of("shared_preload_libraries", "pg_stat_statements",
                    "pg_stat_statements.track", "all"));
        }
        for (var setting : listed("eventfold.bench.pg")) {
            var pair = setting.split("=", 2);
            if (pair.length != 2 || pair[0].isEmpty()) {
                throw new IllegalArgumentException("eventfold.bench.pg: expected name=value, got " + setting);
            }
            settings.put(pair[0], pair[1]);
        }
        return settings;
    }

    /** With the services' roles and schemas, as every EventFold database has them (the privacy schema too). */
    String database(String name) {
        var url = postgres.ensureDatabase(name);
        ServiceRoles.prepare(url);
        if (statements != null) {
            new JdbcTemplate(new SingleConnectionDataSource(url, PostgresServer.USER, "", false))
                    .execute("create extension if not exists pg_stat_statements");
        }
        return url;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    ServiceProcess service(String name, String database, String topic, Map<String, String> extra,
                           String... options) {
        var env = new HashMap<String, String>();
        env.put("SPRING_DATASOURCE_URL", database);
        env.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("EVENTFOLD_TOPIC_NAME", topic);
        env.put("LOGGING_LEVEL_ORG_APACHE_KAFKA", "WARN");
        env.putAll(extra);
        var jvm = new ArrayList<>(List.of(options));
        var profile = System.getProperty("eventfold.bench.jfr");
        if (profile != null) {
            // Where the time goes, for the report: a flight recording of each service (docs/benchmarks.md).
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + profile + "/" + name + "-"
                    + System.nanoTime() + ".jfr");
        }
        // Runtime flags to compare (a collector, a JIT setting) without rebuilding the services. A collector
        // named here replaces the service's own: the JVM refuses to start with two.
        var given = listed("eventfold.bench.jvm");
        if (given.stream().anyMatch(BenchInfrastructure::selectsCollector)) {
            jvm.removeIf(BenchInfrastructure::selectsCollector);
        }
        jvm.addAll(given);
        var service = ServiceProcess.start(name, Ports.free(), env, jvm);
        services.add(service);
        return service.awaitHealthy(Duration.ofMinutes(3));
    }

    /**
     * Whose CPU a run uses: these services, PostgreSQL (its postmaster, from the pid file in its data directory,
     * and every backend) and this JVM, which holds the Kafka broker and the load generators.
     */
    List<CpuUse.Source> cpuSources(ServiceProcess... services) {
        var sources = new ArrayList<CpuUse.Source>();
        for (var service : services) {
            sources.add(new CpuUse.Source(service.serviceName(), service.pid(), false));
        }
        try {
            var pidFile = Files.readAllLines(postgresData.resolve("postmaster.pid"));
            sources.add(new CpuUse.Source("PostgreSQL", Long.parseLong(pidFile.get(0).strip()), true));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's pid file is not readable", e);
        }
        sources.add(benchHelper(ProcessHandle.current().pid()));
        return sources;
    }

    /** The bench's own process, or one it runs to measure with (jstat): their CPU is counted together. */
    static CpuUse.Source benchHelper(long pid) {
        return new CpuUse.Source("bench: Kafka, load", pid, false);
    }

    private void stopServices() {
        services.forEach(ServiceProcess::close);
    }

    @Override
    public void close() {
        Runtime.getRuntime().removeShutdownHook(onExit);
        stopServices();
        if (statements != null) {
            StatementProfile.write(postgres.jdbcUrl("postgres"), statements);
        }
        kafka.close();
        postgres.close();
        try {
            FileSystemUtils.deleteRecursively(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the bench's files in " + root, e);
        }
    }
}
