package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.eventfold.infra.HttpJson;
import io.eventfold.infra.PostgresServer;
import io.eventfold.reference.ReferenceQueries;
import io.eventfold.reference.ReferenceStore;
import java.time.Duration;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Compares what the query API answers with what the classic application computes from its tables. */
final class Oracle implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventFoldSystem system;
    private final HikariDataSource dataSource;
    private final ReferenceStore reference;
    private final ReferenceQueries classic;

    static final String APPLICATION_NAME = "eventfold-oracle";

    Oracle(EventFoldSystem system) {
        this.system = system;
        this.dataSource = pool(system.databaseUrl());
        this.reference = new ReferenceStore(dataSource);
        this.classic = new ReferenceQueries(dataSource);
        try {
            reference.createSchema();
        } catch (RuntimeException e) {
            // No oracle for the after-hook to close: its pool would keep reconnecting to a stopped database.
            dataSource.close();
            throw e;
        }
    }

    /**
     * Pooled, because the classic reads are thousands of small statements per property try: opening a
     * connection for each (a new PostgreSQL backend every time) made the oracle seven seconds a try.
     * Four: the crash tests' three load writers and the comparisons; more callers wait for a connection.
     */
    private static HikariDataSource pool(String url) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(PostgresServer.USER);
        config.setMaximumPoolSize(4);
        config.setPoolName("oracle");
        // Told apart from the services' own connections, which must not be the superuser's (LeastPrivilegeIT).
        config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** Asked each time: a restarted query API listens on a port of its own. */
    private HttpJson queries() {
        return Tokens.organizer(system.url(EventFoldSystem.Service.QUERY));
    }

    ReferenceStore reference() {
        return reference;
    }

    /** After a crash the read model catches up in its own time; wait for it, then compare. */
    void awaitDashboard(String eventId, long version, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() ->
                queries().get("/api/events/" + eventId + "/dashboard?minVersion=" + version).status() == 200);
    }

    void assertDashboard(String eventId, long version) {
        var actual = queries().get("/api/events/" + eventId + "/dashboard?minVersion=" + version);
        assertThat(actual.status()).as(actual.toString()).isEqualTo(200);
        var expected = tree(classic.dashboardNPlusOne(eventId).orElseThrow());
        assertThat(withoutTimestampsAndVersion(actual.json())).as("dashboard of %s", eventId).isEqualTo(expected);
        assertThat(tree(classic.dashboardJoined(eventId).orElseThrow())).isEqualTo(expected);
    }

    void assertSearch(String status, String org, LocalDate from, LocalDate to, int page, int size, long position) {
        var query = new StringBuilder("/api/events/search?minPosition=" + position)
                .append("&page=").append(page).append("&size=").append(size);
        if (status != null) {
            query.append("&status=").append(status);
        }
        if (org != null) {
            query.append("&org_id=").append(org);
        }
        if (from != null || to != null) {
            query.append("&dates=").append(from == null ? "" : from).append("..").append(to == null ? "" : to);
        }
        var actual = queries().get(query.toString());
        assertThat(actual.status()).as(actual.toString()).isEqualTo(200);
        assertThat(actual.json()).as(query.toString())
                .isEqualTo(tree(classic.search(status, org, from, to, page, size)));
    }

    void assertCountsByStatus(long position) {
        for (var org : new String[] {null, "org-0", "org-1", "org-2"}) {
            var actual = queries().get("/api/events/stats/by-status?minPosition=" + position
                    + (org == null ? "" : "&org_id=" + org));
            assertThat(actual.json()).as("counts of %s", org).isEqualTo(tree(classic.countByStatus(org)));
        }
    }

    /** Through text, so that numbers compare by value as in the API's answers (3 == 3L). */
    private static JsonNode tree(Object value) {
        return JSON.readTree(JSON.writeValueAsString(value));
    }

    /** The classic tables keep no timestamps: compare order and content, not the server's clock. */
    private static JsonNode withoutTimestampsAndVersion(JsonNode dashboard) {
        var copy = (ObjectNode) dashboard.deepCopy();
        copy.remove("version");
        copy.get("recent_registrations").forEach(r -> ((ObjectNode) r).remove("registeredAt"));
        return copy;
    }
}
