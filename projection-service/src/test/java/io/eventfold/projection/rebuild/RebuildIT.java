package io.eventfold.projection.rebuild;

import static io.eventfold.projection.ProjectionFixtures.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.projection.OperatorClient;
import io.eventfold.projection.RunningProjector;
import io.eventfold.projection.TopicWriter;
import io.eventfold.testsupport.TestIssuer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rebuilds against a real topic and database: a new generation is built beside the live one, switched in
 * with the same rows, and the old one dropped after its (short) retention; a cancel leaves nothing behind;
 * only operators may do it; a projection whose code is newer than its live generation rebuilds by itself. The
 * rebuild is slowed down (max-rate) so that it is still running while the test looks at it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eventfold.projection.rebuild.batch-size=100", "eventfold.projection.rebuild.max-rate=500",
        "eventfold.projection.rebuild.retired-retention=1s"})
class RebuildIT extends RunningProjector {

    private static final Duration TIMEOUT = GenerationsProbe.TIMEOUT;

    @LocalServerPort
    int port;
    @Autowired
    Rebuilds rebuilds;

    OperatorClient operator;
    GenerationsProbe probe;

    @BeforeEach
    void setUp() {
        operator = OperatorClient.operator(port);
        probe = new GenerationsProbe(jdbc, operator, bootstrapServers, topic.name());
    }

    @Test
    void a_rebuild_builds_the_same_rows_beside_the_live_ones_then_switches_and_drops_the_old_generation() {
        probe.conferencesApplied(40);
        var before = probe.dashboards();
        int old = probe.liveGeneration("dashboard");

        var started = operator.send("POST", "/admin/projections/dashboard/rebuild");

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo("/admin/projections/dashboard/rebuild");
        int next = started.json().get("generation").asInt();
        assertThat(next).isEqualTo(old + 1);
        assertThat(started.json().get("state").asString()).isEqualTo("REBUILDING");
        var again = operator.send("POST", "/admin/projections/dashboard/rebuild");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        await().atMost(TIMEOUT).until(() -> probe.rebuildStatus("dashboard").json().get("processed").asLong() > 0);
        var listed = operator.send("GET", "/admin/projections").json().valueStream()
                .filter(p -> p.get("name").asString().equals("dashboard")).findFirst().orElseThrow();
        assertThat(listed.get("state").asString()).isEqualTo("REBUILDING");
        assertThat(listed.get("generation").asInt()).isEqualTo(old);
        assertThat(listed.get("rebuild").get("total").asLong())
                .isGreaterThan(listed.get("rebuild").get("processed").asLong());
        assertThat(probe.viewSource("dashboard")).contains("dashboard_g" + old);
        assertThat(probe.dashboards()).as("the live generation serves meanwhile").isEqualTo(before);

        await().atMost(TIMEOUT).until(() -> probe.rebuildStatus("dashboard").json().get("state").asString()
                .equals("SWITCHED"));

        var done = probe.rebuildStatus("dashboard").json();
        assertThat(done.get("processed").asLong()).isEqualTo(done.get("total").asLong()).isPositive();
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(probe.liveGeneration("dashboard")).isEqualTo(next);
        assertThat(probe.viewSource("dashboard")).contains("dashboard_g" + next);
        assertThat(probe.dashboards()).isEqualTo(before);
        await("the retired generation dropped after its retention").atMost(TIMEOUT)
                .until(() -> !probe.tableExists("dashboard_g" + old));
        assertThat(probe.tableExists("dashboard_registration_g" + old)).isFalse();
        assertThat(probe.tableExists("dashboard_cancellation_g" + old)).isFalse();
        assertThat(probe.tableExists("dashboard_cancellation_g" + next)).isTrue();
        assertThat(jdbc.sql("select count(*) from projection_offset where projection = ?")
                .param("dashboard/g" + old).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select state || ' ' || (dropped_at is not null) from projection_generation "
                + "where projection = 'dashboard' and generation = ?").param(old).query(String.class).single())
                .isEqualTo("RETIRED true");
        assertThat(operator.send("POST", "/admin/projections/dashboard/rollback").status())
                .as("nothing left to roll back to").isEqualTo(409);
        assertThat(jdbc.sql("select coalesce(reloptions::text, '') from pg_class where relname = ?")
                .param("dashboard_g" + next).query(String.class).single())
                .as("storage parameters are the live table's").contains("fillfactor=50");
    }

    @Test
    void the_new_generation_keeps_following_the_stream_during_and_after_the_switch() {
        var ids = probe.conferencesApplied(20);
        int next = operator.send("POST", "/admin/projections/dashboard/rebuild").json().get("generation").asInt();
        try (var writer = new TopicWriter(bootstrapServers, topic.name())) {
            var late = "late-" + UUID.randomUUID();
            history(late, "org-late", 7).forEach(writer::send);
            await().atMost(TIMEOUT).until(() -> probe.rebuildStatus("dashboard").json().get("state").asString()
                    .equals("SWITCHED"));
            var snapshot = probe.dashboards();

            var last = new TopicWriter(bootstrapServers, topic.name());
            history(ids.get(0) + "-after", "org-late", 3).forEach(last::send);
            last.close();

            await().atMost(TIMEOUT).until(() -> probe.dashboards().size() == snapshot.size() + 1);
            assertThat(probe.liveGeneration("dashboard")).isEqualTo(next);
            assertThat(probe.dashboards()).extracting(r -> r.get("conference_id")).contains(late);
        }
    }

    @Test
    void a_cancelled_rebuild_leaves_no_trace() {
        probe.conferencesApplied(30);
        var countsBefore = probe.counts();
        int next = operator.send("POST", "/admin/projections/status-counts/rebuild").json().get("generation")
                .asInt();
        await().atMost(TIMEOUT).until(() -> probe.rebuildStatus("status-counts").json().get("processed").asLong() > 0);

        var cancelled = operator.send("DELETE", "/admin/projections/status-counts/rebuild");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        assertThat(probe.tableExists("status_count_g" + next)).isFalse();
        assertThat(probe.tableExists("conference_status_g" + next)).isFalse();
        assertThat(jdbc.sql("select count(*) from projection_generation where projection = 'status-counts' "
                + "and generation = ?").param(next).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from projection_offset where projection like 'status-counts/%'")
                .query(Integer.class).single()).isZero();
        assertThat(probe.counts()).isEqualTo(countsBefore);
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
        probe.conferencesApplied(10);
        var countsBefore = probe.counts();
        int old = probe.liveGeneration("status-counts");
        jdbc.sql("update projection_generation set version = 0 where projection = 'status-counts' "
                + "and state = 'LIVE'").update();

        rebuilds.resumeOrUpgrade();

        await().atMost(TIMEOUT).until(() -> probe.liveGeneration("status-counts") > old);
        assertThat(jdbc.sql("select version from projection_generation where projection = 'status-counts' "
                + "and state = 'LIVE'").query(Integer.class).single()).isEqualTo(1);
        assertThat(probe.counts()).isEqualTo(countsBefore);
        assertThat(probe.viewSource("status_count"))
                .contains("status_count_g" + probe.liveGeneration("status-counts"));
    }
}
