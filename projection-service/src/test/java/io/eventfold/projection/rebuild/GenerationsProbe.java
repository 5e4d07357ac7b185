package io.eventfold.projection.rebuild;

import static io.eventfold.projection.ProjectionFixtures.history;
import static org.awaitility.Awaitility.await;

import io.eventfold.infra.HttpJson;
import io.eventfold.projection.OperatorClient;
import io.eventfold.projection.TopicWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the rebuild tests do and look at: conferences applied live, published rows, generations, views. */
final class GenerationsProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final OperatorClient operator;
    private final String bootstrapServers;
    private final String topic;

    GenerationsProbe(JdbcClient jdbc, OperatorClient operator, String bootstrapServers, String topic) {
        this.jdbc = jdbc;
        this.operator = operator;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /** Conferences written to the topic and applied by the live generation; returns their ids. */
    List<String> conferencesApplied(int count) {
        var ids = new ArrayList<String>();
        try (var writer = new TopicWriter(bootstrapServers, topic)) {
            for (int i = 0; i < count; i++) {
                var id = "conf-" + UUID.randomUUID();
                history(id, "org-" + i % 3, i).forEach(writer::send);
                ids.add(id);
            }
        }
        await().atMost(TIMEOUT).until(() -> jdbc.sql("select count(*) from dashboard where conference_id in (:ids)")
                .param("ids", ids).query(Integer.class).single() == count);
        awaitLiveCaughtUp();
        return ids;
    }

    void awaitLiveCaughtUp() {
        await().atMost(TIMEOUT).until(() -> operator.send("GET", "/admin/projections").json().valueStream()
                .allMatch(p -> p.get("lagEvents").asLong() == 0));
    }

    List<Map<String, Object>> dashboards() {
        return jdbc.sql("select conference_id, version, md5(document_gzip) as document_md5, etag from dashboard "
                + "order by conference_id").query().listOfRows();
    }

    /** The counts as the query API answers them (a count that went back to zero is the same as none). */
    List<Map<String, Object>> counts() {
        return counts("status_count");
    }

    List<Map<String, Object>> counts(String table) {
        return jdbc.sql("select * from " + table + " where conference_count <> 0 order by organization_id, status")
                .query().listOfRows();
    }

    HttpJson.Response rebuildStatus(String projection) {
        return operator.send("GET", "/admin/projections/" + projection + "/rebuild");
    }

    /** Waits for the rebuild's state, then answers its status. */
    HttpJson.Response awaitRebuild(String projection, String state) {
        await().atMost(TIMEOUT).until(() -> rebuildStatus(projection).json().get("state").asString().equals(state));
        return rebuildStatus(projection);
    }

    String viewSource(String view) {
        return jdbc.sql("select definition from pg_views where viewname = ?").param(view).query(String.class)
                .single();
    }

    boolean tableExists(String table) {
        return jdbc.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single();
    }

    int liveGeneration(String projection) {
        return jdbc.sql("select generation from projection_generation where projection = ? and state = 'LIVE'")
                .param(projection).query(Integer.class).single();
    }
}
