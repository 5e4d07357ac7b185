package io.eventfold.bench;

import io.eventfold.infra.PostgresServer;
import io.eventfold.reference.ReferenceQueries;
import io.eventfold.reference.ReferenceStore;
import io.eventfold.testsupport.ServiceProcess;
import io.eventfold.testsupport.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Dashboard reads: ours with a token against the N+1 and joined reference, and optionally without a token. */
final class ReadBench {

    /**
     * A query-api jar built before authentication ({@code -Deventfold.bench.unauthenticated-query=<jar>}): the read
     * benchmark then also reads through it, without a token, on the same read model, so that the run shows the
     * token's cost beside its own figures. The services themselves refuse unauthenticated reads.
     */
    static final String UNAUTHENTICATED_QUERY = "eventfold.bench.unauthenticated-query";
    /** Whether the older jar reads first: alternate between runs. */
    static final String OLDER_FIRST = "eventfold.bench.older-first";
    static final String READ_WARM_UP = "eventfold.bench.read-warm-up";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Scale scale;
    private final Bench.Settings settings;
    private final BenchInfrastructure infra;
    private final Report report;

    ReadBench(Scale scale, Bench.Settings settings, BenchInfrastructure infra, Report report) {
        this.scale = scale;
        this.settings = settings;
        this.infra = infra;
        this.report = report;
    }

    /**
     * Reads the read model the replay left in {@code database}. With a query-api from before authentication, both
     * run side by side and take turns, with a token and without ({@code -Deventfold.bench.older-first=true}: the
     * other way round, for the next run), so that each idles as long between its two turns and neither profits
     * from going first or last on a machine whose speed drifts; each side's figure is its two turns together.
     */
    void run(String database, String topic, Workload workload) {
        var jar = System.getProperty(UNAUTHENTICATED_QUERY);
        try (var query = infra.service("query", database, topic, Map.of(), "-Xmx512m")) {
            if (jar == null || jar.isBlank()) {
                report.read(dashboards(query, workload, true, "").result());
            } else {
                System.setProperty("eventfold.jar.query-unauthenticated", jar);
                try (var older = infra.service("query-unauthenticated", database, topic, Map.of(), "-Xmx512m")) {
                    takeTurns(query, older, workload, Path.of(jar).getFileName().toString());
                }
            }
            readReference(workload);
        }
    }

    /** The conference the read benchmark reads; both it and the workload's first are organization 0's. */
    private String readConference(Workload workload) {
        return scale.dashboardSessions > 0 ? Workload.DASHBOARD_CONFERENCE : workload.conferenceIds.get(0);
    }

    /**
     * Half the measured time, at least 2 s, unmeasured: query-api has just started, and its JIT is still compiling
     * the request path after 2 s of load (docs/benchmarks.md). {@code -Deventfold.bench.read-warm-up=PT30S}
     * sets another, to compare services that have compiled their request path.
     */
    private Duration readWarmUp() {
        var given = System.getProperty(READ_WARM_UP);
        if (given != null) {
            return Duration.parse(given);
        }
        return settings.readDuration().dividedBy(2).compareTo(Duration.ofSeconds(2)) > 0
                ? settings.readDuration().dividedBy(2) : Duration.ofSeconds(2);
    }

    private void takeTurns(ServiceProcess query, ServiceProcess older, Workload workload, String jar) {
        var withToken = new ArrayList<LoadClients.Run>();
        var without = new ArrayList<LoadClients.Run>();
        boolean olderFirst = Boolean.getBoolean(OLDER_FIRST);
        for (int turn = 1; turn <= 4; turn++) {
            if ((turn % 2 == 1) != olderFirst) {
                withToken.add(dashboards(query, workload, true, " (turn " + turn + ")"));
            } else {
                without.add(dashboards(older, workload, false, " (turn " + turn + ")"));
            }
        }
        var tokenTurns = olderFirst ? ", turns 2 and 4" : ", turns 1 and 3";
        var olderTurns = olderFirst ? ", turns 1 and 3" : ", turns 2 and 4";
        report.read(LoadClients.Run.together(TOKEN_READ + tokenTurns, withToken));
        report.readWithoutToken(LoadClients.Run.together("EventFold without authentication (" + jar + "): "
                + "GET /api/events/{id}/dashboard, no token" + olderTurns, without));
    }

    static final String TOKEN_READ = "EventFold: GET /api/events/{id}/dashboard (HTTP, bearer token)";

    /** One turn of dashboard reads, with the CPU each process took per request and the dashboard cache's hits. */
    private LoadClients.Run dashboards(ServiceProcess service, Workload workload, boolean token, String turn) {
        var url = URI.create(service.baseUrl() + "/api/events/" + readConference(workload) + "/dashboard");
        // Each client one token, as a signed-in browser sends it with every request: the organizer's full document.
        var bearer = token ? TestIssuer.organizer(Workload.organization(0)) : null;
        var approach = (token ? TOKEN_READ : "EventFold, older jar: GET /api/events/{id}/dashboard, no token") + turn;
        var window = new Turn(service, token ? TestIssuer.operator() : null);
        // As a browser asks: the stored compressed form is what it gets.
        var run = LoadClients.measure(approach, settings.clients(), readWarmUp(), settings.readDuration(),
                () -> KeepAliveHttp.repeating(url, "gzip", bearer), window);
        if (!turn.isEmpty()) {
            var t = run.result();
            System.out.printf("  read    %-74s %,10.0f/s  p50 %.2f ms  p99 %.2f ms%n", t.approach(), t.perSecond(),
                    t.p50Millis(), t.p99Millis());
        }
        window.print(run.result().requests());
        return run;
    }

    /** What a turn cost: CPU per request of each process, and the hits and misses of the dashboard cache. */
    private final class Turn implements LoadClients.Window {

        private final ServiceProcess service;
        private final String operator;
        private final List<CpuUse.Source> sources;
        private CpuUse.Sample cpuBefore;
        private CpuUse.Usage cpu;
        private double[] cacheBefore;
        private double[] cache;

        Turn(ServiceProcess service, String operator) {
            this.service = service;
            this.operator = operator;
            this.sources = CpuUse.available() ? infra.cpuSources(service) : List.of();
        }

        @Override
        public void opened() {
            cacheBefore = cacheGets();
            cpuBefore = CpuUse.sample(sources);
        }

        @Override
        public void closed() {
            var after = CpuUse.sample(sources);
            cache = cacheGets();
            cpu = after.since(cpuBefore, 1);
        }

        void print(long requests) {
            var parts = new ArrayList<String>();
            cpu.millisPerUnit().forEach((process, millis) -> parts.add("%s %.3f (JIT %.3f)".formatted(process,
                    millis / requests, cpu.jitMillisPerUnit().getOrDefault(process, 0.0) / requests)));
            System.out.printf("  cpu     ms per request: %s; dashboard cache hits %,.0f, misses %,.0f%n",
                    String.join(", ", parts), cache[0] - cacheBefore[0], cache[1] - cacheBefore[1]);
        }

        /** Through the JDK's client: the load's own one asks for JSON, which the Prometheus endpoint refuses. */
        private double[] cacheGets() {
            var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/prometheus"));
            if (operator != null) {
                request.header("Authorization", "Bearer " + operator);
            }
            try {
                var text = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
                return new double[] {PrometheusText.sum(text, "cache_gets_total", "result=\"hit\""),
                        PrometheusText.sum(text, "cache_gets_total", "result=\"miss\"")};
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void readReference(Workload workload) {
        var id = readConference(workload);
        var warmUp = readWarmUp();
        var referenceUrl = infra.database("bench_reference");
        var store = new ReferenceStore(new SingleConnectionDataSource(referenceUrl, PostgresServer.USER, "", true));
        store.createSchema();
        var sink = new ReferenceSink(store);
        // Only the conference read below: the others would only make the fill slower.
        workload.inOrder().stream().filter(step -> step.conference().equals(id)).forEach(step -> step.accept(sink));
        report.read(LoadClients.run("Reference, N+1 queries (in-process JDBC)", settings.clients(), warmUp,
                settings.readDuration(), () -> {
                    var queries = new ReferenceQueries(Bench.connection(referenceUrl));
                    return () -> queries.dashboardNPlusOne(id).isPresent();
                }));
        report.read(LoadClients.run("Reference, joined and eagerly loaded (in-process JDBC)", settings.clients(),
                warmUp, settings.readDuration(), () -> {
                    var queries = new ReferenceQueries(Bench.connection(referenceUrl));
                    return () -> queries.dashboardJoined(id).isPresent();
                }));
    }
}
