package io.eventfold.bench;

import io.eventfold.infra.PostgresServer;
import io.eventfold.reference.ReferenceQueries;
import io.eventfold.reference.ReferenceStore;
import io.eventfold.testsupport.ServiceProcess;
import io.eventfold.testsupport.TestIssuer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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

    /** Reads the read model the replay left in {@code database}. */
    void run(String database, String topic, Workload workload) {
        try (var query = infra.service("query", database, topic, Map.of(), "-Xmx512m")) {
            readDashboards(query, workload);
        }
        readWithoutToken(database, topic, workload);
    }

    /** The conference the read benchmark reads; both it and the workload's first are organization 0's. */
    private String readConference(Workload workload) {
        return scale.dashboardSessions > 0 ? Workload.DASHBOARD_CONFERENCE : workload.conferenceIds.get(0);
    }

    /**
     * Half the measured time, at least 2 s, unmeasured: query-api has just started, and its JIT is still compiling
     * the request path after 2 s of load (docs/benchmarks.md).
     */
    private Duration readWarmUp() {
        return settings.readDuration().dividedBy(2).compareTo(Duration.ofSeconds(2)) > 0
                ? settings.readDuration().dividedBy(2) : Duration.ofSeconds(2);
    }

    private void readDashboards(ServiceProcess query, Workload workload) {
        var id = readConference(workload);
        var url = URI.create(query.baseUrl() + "/api/events/" + id + "/dashboard");
        var warmUp = readWarmUp();
        // Each client one token, as a signed-in browser sends it with every request: the organizer's full document.
        var organizer = TestIssuer.organizer(Workload.organization(0));
        report.read(LoadClients.run("EventFold: GET /api/events/{id}/dashboard (HTTP, bearer token)",
                settings.clients(),
                // As a browser asks: the stored compressed form is what it gets.
                warmUp, settings.readDuration(), () -> KeepAliveHttp.repeating(url, "gzip", organizer)));
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

    /** The same reads without a token through a query-api from before authentication, when one is given. */
    private void readWithoutToken(String database, String topic, Workload workload) {
        var jar = System.getProperty(UNAUTHENTICATED_QUERY);
        if (jar == null || jar.isBlank()) {
            return;
        }
        System.setProperty("eventfold.jar.query-unauthenticated", jar);
        try (var query = infra.service("query-unauthenticated", database, topic, Map.of(), "-Xmx512m")) {
            var url = URI.create(query.baseUrl() + "/api/events/" + readConference(workload) + "/dashboard");
            report.readWithoutToken(LoadClients.run("EventFold without authentication (" + Path.of(jar).getFileName()
                    + "): GET /api/events/{id}/dashboard, no token", settings.clients(), readWarmUp(),
                    settings.readDuration(), () -> KeepAliveHttp.repeating(url, "gzip", null)));
        }
    }
}
