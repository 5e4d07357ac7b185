package io.eventfold.projection.rebuild;

import static io.eventfold.projection.ProjectionFixtures.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.infra.HttpJson;
import io.eventfold.projection.OperatorClient;
import io.eventfold.projection.RunningProjector;
import io.eventfold.projection.TopicWriter;
import io.eventfold.testsupport.TestIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rebuilds against a real topic and database: a new generation is built beside the live one, switched in
 * with the same rows, and the old one dropped; a cancel leaves nothing behind; only operators may do it;
 * a projection whose code is newer than its live generation rebuilds by itself. The rebuild is slowed down
 * (max-rate) so that it is still running while the test looks at it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eventfold.projection.rebuild.batch-size=100", "eventfold.projection.rebuild.max-rate=500"})
class RebuildIT extends RunningProjector {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    Rebuilds rebuilds;

    OperatorClient operator;

    @BeforeEach
    void setUp() {
        operator = OperatorClient.operator(port);
    }

    /** Conferences written to the topic and applied by the live generation; returns their ids. */
    private List<String> conferencesApplied(int count) {
        var ids = new ArrayList<String>();
        try (var writer = new TopicWriter(bootstrapServers, topic.name())) {
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

    private void awaitLiveCaughtUp() {
        await().atMost(TIMEOUT).until(() -> operator.send("GET", "/admin/projections").json().valueStream()
                .allMatch(p -> p.get("lagEvents").asLong() == 0));
    }

    private List<Map<String, Object>> dashboards() {
        return jdbc.sql("select conference_id, version, md5(document_gzip) as document_md5, etag from dashboard "
                + "order by conference_id").query().listOfRows();
    }

    /** The counts as the query API answers them (a count that went back to zero is the same as none). */
    private List<Map<String, Object>> counts() {
        return jdbc.sql("select * from status_count where conference_count <> 0 order by organization_id, status")
                .query().listOfRows();
    }

    private HttpJson.Response rebuildStatus(String projection) {
        return operator.send("GET", "/admin/projections/" + projection + "/rebuild");
    }

    private String viewSource(String view) {
        return jdbc.sql("select definition from pg_views where viewname = ?").param(view).query(String.class)
                .single();
    }

    private boolean tableExists(String table) {
        return jdbc.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single();
    }

    private int liveGeneration(String projection) {
        return jdbc.sql("select generation from projection_generation where projection = ? and state = 'LIVE'")
                .param(projection).query(Integer.class).single();
    }

    @Test
    void a_rebuild_builds_the_same_rows_beside_the_live_ones_then_switches_and_drops_the_old_generation() {
        conferencesApplied(40);
        var before = dashboards();
        int old = liveGeneration("dashboard");

        var started = operator.send("POST", "/admin/projections/dashboard/rebuild");

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo("/admin/projections/dashboard/rebuild");
        int next = started.json().get("generation").asInt();
        assertThat(next).isEqualTo(old + 1);
        assertThat(started.json().get("state").asString()).isEqualTo("REBUILDING");
        var again = operator.send("POST", "/admin/projections/dashboard/rebuild");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        await().atMost(TIMEOUT).until(() -> rebuildStatus("dashboard").json().get("processed").asLong() > 0);
        var listed = operator.send("GET", "/admin/projections").json().valueStream()
                .filter(p -> p.get("name").asString().equals("dashboard")).findFirst().orElseThrow();
        assertThat(listed.get("state").asString()).isEqualTo("REBUILDING");
        assertThat(listed.get("generation").asInt()).isEqualTo(old);
        assertThat(listed.get("rebuild").get("total").asLong())
                .isGreaterThan(listed.get("rebuild").get("processed").asLong());
        assertThat(viewSource("dashboard")).contains("dashboard_g" + old);
        assertThat(dashboards()).as("the live generation serves meanwhile").isEqualTo(before);

        await().atMost(TIMEOUT).until(() -> rebuildStatus("dashboard").json().get("state").asString()
                .equals("SWITCHED"));

        var done = rebuildStatus("dashboard").json();
        assertThat(done.get("processed").asLong()).isEqualTo(done.get("total").asLong()).isPositive();
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(liveGeneration("dashboard")).isEqualTo(next);
        assertThat(viewSource("dashboard")).contains("dashboard_g" + next);
        assertThat(tableExists("dashboard_g" + old)).isFalse();
        assertThat(tableExists("dashboard_registration_g" + old)).isFalse();
        assertThat(tableExists("dashboard_cancellation_g" + old)).isFalse();
        assertThat(tableExists("dashboard_cancellation_g" + next)).isTrue();
        assertThat(dashboards()).isEqualTo(before);
        assertThat(jdbc.sql("select coalesce(reloptions::text, '') from pg_class where relname = ?")
                .param("dashboard_g" + next).query(String.class).single())
                .as("storage parameters are the live table's").contains("fillfactor=50");
    }

    @Test
    void the_new_generation_keeps_following_the_stream_during_and_after_the_switch() {
        var ids = conferencesApplied(20);
        int next = operator.send("POST", "/admin/projections/dashboard/rebuild").json().get("generation").asInt();
        try (var writer = new TopicWriter(bootstrapServers, topic.name())) {
            var late = "late-" + UUID.randomUUID();
            history(late, "org-late", 7).forEach(writer::send);
            await().atMost(TIMEOUT).until(() -> rebuildStatus("dashboard").json().get("state").asString()
                    .equals("SWITCHED"));
            var snapshot = dashboards();

            var last = new TopicWriter(bootstrapServers, topic.name());
            history(ids.get(0) + "-after", "org-late", 3).forEach(last::send);
            last.close();

            await().atMost(TIMEOUT).until(() -> dashboards().size() == snapshot.size() + 1);
            assertThat(liveGeneration("dashboard")).isEqualTo(next);
            assertThat(dashboards()).extracting(r -> r.get("conference_id")).contains(late);
        }
    }

    @Test
    void a_cancelled_rebuild_leaves_no_trace() {
        conferencesApplied(30);
        var countsBefore = counts();
        int next = operator.send("POST", "/admin/projections/status-counts/rebuild").json().get("generation")
                .asInt();
        await().atMost(TIMEOUT).until(() -> rebuildStatus("status-counts").json().get("processed").asLong() > 0);

        var cancelled = operator.send("DELETE", "/admin/projections/status-counts/rebuild");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        assertThat(tableExists("status_count_g" + next)).isFalse();
        assertThat(tableExists("conference_status_g" + next)).isFalse();
        assertThat(jdbc.sql("select count(*) from projection_generation where projection = 'status-counts' "
                + "and generation = ?").param(next).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from projection_offset where projection like 'status-counts/%'")
                .query(Integer.class).single()).isZero();
        assertThat(counts()).isEqualTo(countsBefore);
        assertThat(operator.send("DELETE", "/admin/projections/status-counts/rebuild").status()).isEqualTo(404);
    }

    @Test
    void without_an_operator_token_nobody_starts_inspects_or_cancels_a_rebuild() {
        for (var token : new String[] {null, TestIssuer.organizer("acme")}) {
            var stranger = new OperatorClient(port, token);
            int expected = token == null ? 401 : 403;
            for (var method : List.of("POST", "GET", "DELETE")) {
                var response = stranger.send(method, "/admin/projections/dashboard/rebuild");
                assertThat(response.status()).as(method + " " + response).isEqualTo(expected);
            }
            assertThat(stranger.send("GET", "/admin/projections").status()).isEqualTo(expected);
        }
        assertThat(jdbc.sql("select count(*) from projection_generation where state = 'BUILDING'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void an_unknown_projection_is_a_404_naming_the_projections_there_are() {
        var response = operator.send("POST", "/admin/projections/nope/rebuild");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("nope", "dashboard", "status-counts");
    }

    @Test
    void a_projection_whose_code_is_newer_than_its_live_generation_rebuilds_on_start() {
        conferencesApplied(10);
        var countsBefore = counts();
        int old = liveGeneration("status-counts");
        jdbc.sql("update projection_generation set version = 0 where projection = 'status-counts' "
                + "and state = 'LIVE'").update();

        rebuilds.resumeOrUpgrade();

        await().atMost(TIMEOUT).until(() -> liveGeneration("status-counts") > old);
        assertThat(jdbc.sql("select version from projection_generation where projection = 'status-counts' "
                + "and state = 'LIVE'").query(Integer.class).single()).isEqualTo(1);
        assertThat(counts()).isEqualTo(countsBefore);
        assertThat(viewSource("status_count")).contains("status_count_g" + liveGeneration("status-counts"));
    }
}
