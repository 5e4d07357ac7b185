package io.eventfold.bench;

import io.eventfold.bench.baseline.BaselineReplay;
import io.eventfold.infra.HttpJson;
import io.eventfold.infra.PostgresServer;
import io.eventfold.testsupport.ServiceProcess;
import io.eventfold.testsupport.TestIssuer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The benchmarks, on one machine and one data set: replay (ours, live catch-up and rebuild, against the
 * Axon-style baseline), dashboard reads (ours against N+1 and joined), commands, and freshness.
 */
final class Bench {

    static final long BASELINE_EVENTS = 100_000;
    /**
     * As {@code ./eventfold run} starts the projector: a batch worker, for throughput rather than short pauses,
     * compiling only what stays hot (the measurements: docs/benchmarks.md, "JVM").
     */
    static final List<String> PROJECTOR_JVM = List.of("-XX:+UseParallelGC", "-XX:CompileThresholdScaling=3");

    private final Scale scale;
    private final Settings settings;
    private final BenchInfrastructure infra;
    private final Report report;

    /** How long each timed part runs; the smoke test makes them short. */
    record Settings(Duration readDuration, Duration baselineBudget, int clients, int commandCount,
                    int freshnessRate, Duration freshnessDuration) {
    }

    Bench(Scale scale, Settings settings, BenchInfrastructure infra, Report report) {
        this.scale = scale;
        this.settings = settings;
        this.infra = infra;
        this.report = report;
    }

    /** {@code only}: run just these parts (replay, reads, baseline, commands); all when empty. */
    void run(Set<String> only) {
        var workload = Workload.generate(scale, 42);
        var topic = "bench-replay";
        var database = infra.database("bench_ours");
        long events = publish(workload, topic, database);
        report.events(events);
        // The heap target is 512 MiB: the projector gets no more, so a replay that fits proves it.
        try (var projection = infra.service("projection", database, topic, Map.of(), projectorJvm("-Xmx512m"))) {
            replayOurs(projection, database, events);
            if (only.isEmpty() || only.contains("reads")) {
                new ReadBench(scale, settings, infra, report).run(database, topic, workload);
            }
        }
        if (only.isEmpty() || only.contains("baseline")) {
            replayBaseline(workload);
        }
        if (only.isEmpty() || only.contains("commands")) {
            commandsAndFreshness();
        }
    }

    /**
     * Sealed as command-service seals them, in chunks: one key statement per conference of a chunk. In clear
     * with {@code -Deventfold.bench.clear=true}, to tell what opening them costs the projector.
     */
    private long publish(Workload workload, String topic, String database) {
        long[] count = {0};
        boolean clear = Boolean.getBoolean("eventfold.bench.clear");
        try (var loader = new TopicLoader(infra.bootstrapServers(), topic, 6);
             var sealing = new BenchSealing(database)) {
            var chunk = new ArrayList<EventSink.Stored>();
            Runnable flush = () -> {
                (clear ? chunk : sealing.seal(chunk)).forEach(loader::send);
                count[0] += chunk.size();
                chunk.clear();
            };
            EventSink.replay(workload, stored -> {
                chunk.add(stored);
                if (chunk.size() == 5_000) {
                    flush.run();
                }
            });
            flush.run();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        System.out.printf("Personal fields %s%n", clear ? "in clear (-Deventfold.bench.clear)" : "sealed");
        System.out.printf("Published %,d events of scale %s%n", count[0], scale);
        return count[0];
    }

    private void replayOurs(ServiceProcess projection, String database, long events) {
        var admin = new Admin(projection);
        var readModel = new JdbcTemplate(connection(database));
        try (var sampler = new ProcessSampler(projection)) {
            var cpu = new ArrayList<>(infra.cpuSources(projection));
            cpu.add(BenchInfrastructure.benchHelper(sampler.pid()));
            var before = CpuUse.sample(cpu);
            long started = System.nanoTime();
            // From the offsets the projector commits with its rows, not its admin API: that answers lag from the
            // topic's ends, two Kafka admin requests a call, and polled 20 times a second it took 5% of the CPU
            // samples of a large replay (perf) from the process being measured.
            admin.await("the live projections to apply all " + events + " events", () -> readModel.queryForObject(
                    "select coalesce(sum(next_offset), 0) from read_model.projection_offset where projection = 'live'",
                    Long.class) >= events);
            var live = new Measured.Replay("EventFold, live consumer from offset 0", events, events,
                    System.nanoTime() - started);
            var caughtUp = CpuUse.sample(cpu);
            report.replay(live);
            replayCpu("Replay, live", before, caughtUp, events);
            started = System.nanoTime();
            admin.post("/admin/projections/dashboard/rebuild");
            admin.post("/admin/projections/status-counts/rebuild");
            admin.await("the rebuilds of both projections to switch", () -> bothRebuildsLive(readModel));
            var rebuild = new Measured.Replay("EventFold, rebuild of both projections (blue/green)", events,
                    events, System.nanoTime() - started);
            report.replay(rebuild);
            replayCpu("Replay, rebuild", caughtUp, CpuUse.sample(cpu), events);
            report.memory(sampler.peakHeapBytes(), sampler.peakRssBytes());
        }
    }

    /**
     * From the table the switch writes, as the live offsets are read: the admin API, polled 20 times a second,
     * put Tomcat and Spring MVC on the rebuild's path (profile), in the process being measured. A rebuild that
     * failed ends the run at once.
     */
    private static boolean bothRebuildsLive(JdbcTemplate db) {
        var states = db.queryForList(
                "select state from read_model.projection_generation where generation > 1", String.class);
        if (states.contains("FAILED")) {
            throw new IllegalStateException("A rebuild failed; see projection-service's log in "
                    + "bench/target/service-logs and read_model.projection_generation's error column");
        }
        return Collections.frequency(states, "LIVE") == 2;
    }

    /** A replay's CPU per 1,000 of its events, and the events/s that the cores allow at that cost. */
    private void replayCpu(String run, CpuUse.Sample from, CpuUse.Sample to, long events) {
        report.cpu(run, "1,000 events", 1_000, "events/s", to.since(from, events / 1_000.0));
    }

    /**
     * The baseline gets the first {@link #BASELINE_EVENTS} events (the same order, all conferences): at its
     * rate that is more than its time budget, and loading a million into Axon's store would take longer than
     * the rest of the run.
     */
    private void replayBaseline(Workload workload) {
        var database = infra.database("bench_baseline");
        report.replay(BaselineReplay.run(database, PostgresServer.USER, out -> EventSink.replay(workload,
                stored -> {
                    if (stored.position() <= BASELINE_EVENTS) {
                        out.accept(new BaselineReplay.Event(stored.event().eventId(), stored.version(),
                                stored.event()));
                    }
                }), settings.baselineBudget()));
    }

    private void commandsAndFreshness() {
        var database = infra.database("bench_live");
        var topic = "bench-live";
        var env = Map.<String, String>of();
        try (var command = infra.service("command", database, topic, env, "-Xmx1g");
             var projection = infra.service("projection", database, topic, env, projectorJvm("-Xmx1g"));
             var query = infra.service("query", database, topic, env, "-Xmx512m")) {
            var commands = new CommandBench(command.baseUrl(), query.baseUrl(), projection.baseUrl(),
                    settings.clients(), scale);
            commands.warmUp(settings.commandCount());
            var cpu = infra.cpuSources(command, projection, query);
            var before = CpuUse.sample(cpu);
            var registrations = commands.registrations(settings.commandCount());
            report.commands(registrations);
            report.cpu("Commands", "registration", 1, "registrations/s",
                    CpuUse.sample(cpu).since(before, registrations.requests()));
            // Latency against concurrency: with fewer requests in flight each waits less for the CPU and for its
            // conference (one command at a time per conference aggregate).
            for (int clients : fewerClients(settings.clients())) {
                report.commandsWithFewerClients(clients,
                        commands.registrations(settings.commandCount() / 2, clients));
            }
            report.commandsOnOneConference(commands.registrationsOnOneConference(settings.commandCount() / 2));
            report.registrationsPerCommand(commands.registrationsPerCommand());
            // The calm run goes first: after the saturated one, it would measure the backlog draining.
            int calmRate = Math.max(1, (int) (registrations.perSecond() / 2));
            report.calmFreshness(commands.freshness(calmRate, settings.freshnessDuration().dividedBy(2)));
            report.freshness(commands.freshness(settings.freshnessRate(), settings.freshnessDuration()));
        }
    }

    /** The projector's options after its heap limit, as {@code ./eventfold run} starts it. */
    private static String[] projectorJvm(String heap) {
        return Stream.concat(Stream.of(heap), PROJECTOR_JVM.stream()).toArray(String[]::new);
    }

    /** A quarter and half as many clients as the main run, each at least one. */
    static List<Integer> fewerClients(int clients) {
        return IntStream.of(clients / 4, clients / 2).filter(n -> n >= 1 && n < clients).distinct().boxed().toList();
    }

    static SingleConnectionDataSource connection(String url) {
        return new SingleConnectionDataSource(url, PostgresServer.USER, "", true);
    }

    /** projection-service's admin API, as an operator's token allows. */
    private record Admin(ServiceProcess service, HttpJson http) {

        /** Ten times the large replay and rebuild on this machine. */
        private static final Duration AWAIT_LIMIT = Duration.ofMinutes(20);

        Admin(ServiceProcess service) {
            this(service, new HttpJson(service.baseUrl()).withBearer(TestIssuer.operator()));
        }

        HttpJson.Response send(String method, String path) {
            return http.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()));
        }

        void post(String path) {
            var response = send("POST", path);
            if (response.status() != 202) {
                throw new IllegalStateException(path + ": " + response);
            }
        }

        /**
         * Bounded: a projector that stopped (say, a thread died) must end the run with a reason, not hang it; one
         * that exited ends it at once (a large replay's projector once vanished without a word in its log, and
         * the run waited for it).
         */
        void await(String what, BooleanSupplier done) {
            var deadline = System.nanoTime() + AWAIT_LIMIT.toNanos();
            while (!done.getAsBoolean()) {
                service.requireAlive();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Gave up after " + AWAIT_LIMIT.toMinutes() + " min waiting for "
                            + what + "; see projection-service's log in bench/target/service-logs");
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
