package io.eventfold.projection.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.projection.OperatorClient;
import io.eventfold.projection.ProjectionFixtures;
import io.eventfold.projection.RunningProjector;
import io.eventfold.projection.engine.Generation;
import io.eventfold.testsupport.TestIssuer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Issue 36: a rebuild is compared with the live generation before it switches. One whose fold changed without a
 * new version stops at MISMATCH (naming rows, not their contents) until an operator forces it; a switch can be
 * rolled back to the retired generation, which the live stream kept current, while readers keep reading. Each
 * test changes the code of its own projection ({@link ChangedFolds}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eventfold.projection.rebuild.batch-size=100", "eventfold.projection.rebuild.verify=true"})
@Import(VerifiedSwitchIT.ChangedCode.class)
class VerifiedSwitchIT extends RunningProjector {

    @TestConfiguration
    static class ChangedCode {
        @Bean
        static ChangedFolds changedFolds() {
            return new ChangedFolds();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ChangedFolds folds;

    OperatorClient operator;
    GenerationsProbe probe;
    private final ExecutorService readers = Executors.newFixedThreadPool(3);

    @BeforeEach
    void setUp() {
        operator = OperatorClient.operator(port);
        probe = new GenerationsProbe(jdbc, operator, bootstrapServers, topic.name());
    }

    @AfterEach
    void stopReaders() throws InterruptedException {
        readers.shutdownNow();
        readers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Starts a rebuild of the projection by its changed code, and waits for it to stop at MISMATCH. */
    private int changedRebuildAtMismatch(String projection) {
        int next = probe.liveGeneration(projection) + 1;
        folds.change(new Generation(projection, next));
        var started = operator.send("POST", "/admin/projections/" + projection + "/rebuild");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("generation").asInt()).isEqualTo(next);
        probe.awaitRebuild(projection, "MISMATCH");
        return next;
    }

    @Test
    void a_rebuild_whose_fold_changed_stops_at_mismatch_and_switches_only_when_forced() {
        var ids = probe.conferencesApplied(12);
        var before = probe.dashboards();
        int old = probe.liveGeneration("dashboard");

        int next = changedRebuildAtMismatch("dashboard");

        var status = probe.rebuildStatus("dashboard").json();
        var mismatch = status.get("mismatch").asString();
        int rows = before.size();
        assertThat(mismatch).contains("dashboard: " + rows + " rows in generation " + old,
                rows + " in generation " + next, rows + " differ");
        assertThat(ids).anyMatch(mismatch::contains);
        assertThat(mismatch).as("ids and counts, no documents or personal data").doesNotContain("@", "Name ");
        assertThat(probe.viewSource("dashboard")).contains("dashboard_g" + old);
        assertThat(probe.dashboards()).isEqualTo(before);
        var listed = operator.send("GET", "/admin/projections").json().valueStream()
                .filter(p -> p.get("name").asString().equals("dashboard")).findFirst().orElseThrow();
        assertThat(listed.get("state").asString()).isEqualTo("MISMATCH");
        assertThat(operator.send("POST", "/admin/projections/dashboard/rebuild/switch").status()).isEqualTo(400);

        var forced = operator.send("POST", "/admin/projections/dashboard/rebuild/switch?force=true");

        assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
        assertThat(forced.json().get("state").asString()).isEqualTo("SWITCHED");
        assertThat(probe.liveGeneration("dashboard")).isEqualTo(next);
        assertThat(probe.viewSource("dashboard")).contains("dashboard_g" + next);
        assertThat(jdbc.sql("select count(*) from dashboard where capacity = 101").query(Integer.class).single())
                .as("the changed code's rows").isEqualTo(rows);
        var audit = operator.send("GET", "/admin/audit?limit=2").json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("FORCE_SWITCH");
        assertThat(audit.get(0).get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(audit.get(0).get("subject").asString()).isNotBlank();
        assertThat(audit.get(1).get("outcome").asString()).as("the switch without force").isEqualTo("REFUSED");
    }

    @Test
    void a_rollback_restores_the_retired_rows_kept_current_while_readers_keep_reading() {
        probe.conferencesApplied(15);
        int old = probe.liveGeneration("status-counts");
        int next = changedRebuildAtMismatch("status-counts");
        assertThat(operator.send("POST", "/admin/projections/status-counts/rebuild/switch?force=true").status())
                .isEqualTo(200);
        assertThat(probe.counts()).as("the changed code's counts").anyMatch(r -> r.get("status").equals("COMPLETED"));
        probe.conferencesApplied(3);
        var retired = probe.counts("status_count_g" + old);
        assertThat(retired).as("the retired generation followed the stream")
                .noneMatch(r -> r.get("status").equals("COMPLETED"));
        long conferences = jdbc.sql("select count(*) from dashboard").query(Long.class).single();
        assertThat(total(retired)).isEqualTo(conferences);

        var failures = Collections.synchronizedList(new ArrayList<Throwable>());
        var reads = new AtomicLong();
        var reading = new AtomicBoolean(true);
        for (int i = 0; i < 3; i++) {
            readers.submit(() -> {
                while (reading.get()) {
                    try {
                        long counted = jdbc.sql("select coalesce(sum(conference_count), 0) from status_count")
                                .query(Long.class).single();
                        assertThat(counted).as("every read sees one whole generation").isEqualTo(conferences);
                        reads.incrementAndGet();
                    } catch (Throwable failed) {
                        failures.add(failed);
                    }
                }
            });
        }
        await().atMost(GenerationsProbe.TIMEOUT).until(() -> reads.get() > 0);

        var rolledBack = operator.send("POST", "/admin/projections/status-counts/rollback");

        long readsAtRollback = reads.get();
        await().atMost(GenerationsProbe.TIMEOUT).until(() -> reads.get() > readsAtRollback);
        reading.set(false);
        assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
        assertThat(rolledBack.json().get("generation").asInt()).isEqualTo(old);
        assertThat(failures).isEmpty();
        assertThat(probe.liveGeneration("status-counts")).isEqualTo(old);
        assertThat(probe.viewSource("status_count")).contains("status_count_g" + old);
        assertThat(probe.counts()).isEqualTo(retired);
        assertThat(probe.tableExists("status_count_g" + next)).as("kept in its turn, for a roll forward").isTrue();
        probe.conferencesApplied(1);
        assertThat(total(probe.counts())).as("the restored generation follows the stream").isEqualTo(conferences + 1);
        var audit = operator.send("GET", "/admin/audit?limit=1").json().get(0);
        assertThat(audit.get("action").asString()).isEqualTo("ROLLBACK");
        assertThat(audit.get("outcome").asString()).isEqualTo("ACCEPTED");
    }

    private static long total(List<Map<String, Object>> counts) {
        return counts.stream().mapToLong(r -> ((Number) r.get("conference_count")).longValue()).sum();
    }

    @Test
    void an_unchanged_fold_switches_by_itself_though_a_count_back_to_zero_was_never_written_by_the_rebuild() {
        var org = "org-zero-" + UUID.randomUUID();
        var conference = "conf-" + UUID.randomUUID();
        writer().send(ProjectionFixtures.scheduled(conference, org));
        await().atMost(GenerationsProbe.TIMEOUT).until(() -> countOf(org, "DRAFT").equals(Optional.of(1L)));
        writer().send(ProjectionFixtures.statusChanged(conference, ConferenceStatus.DRAFT,
                ConferenceStatus.PUBLISHED));
        await().atMost(GenerationsProbe.TIMEOUT).until(() -> countOf(org, "PUBLISHED").equals(Optional.of(1L)));
        assertThat(countOf(org, "DRAFT")).as("the live generation's count, back to zero").contains(0L);
        probe.awaitLiveCaughtUp();

        var started = operator.send("POST", "/admin/projections/status-counts/rebuild");

        int next = started.json().get("generation").asInt();
        var done = probe.awaitRebuild("status-counts", "SWITCHED").json();
        assertThat(done.get("generation").asInt()).isEqualTo(next);
        assertThat(done.get("mismatch").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from status_count_g" + next + " where organization_id = ?").param(org)
                .query(Integer.class).single()).as("the rebuild folded both events in one batch").isEqualTo(1);
    }

    /** The count of one organization and status, if it has a row. */
    private Optional<Long> countOf(String org, String status) {
        return jdbc.sql("select conference_count from status_count where organization_id = ? and status = ?")
                .params(org, status).query(Long.class).optional();
    }

    @Test
    void only_operators_force_a_switch_or_roll_back_and_nothing_happens_for_the_others() {
        int live = probe.liveGeneration("dashboard");
        for (var token : new String[] {null, TestIssuer.organizer("acme"), TestIssuer.reader("acme")}) {
            var stranger = new OperatorClient(port, token);
            for (var path : List.of("/admin/projections/dashboard/rebuild/switch?force=true",
                    "/admin/projections/dashboard/rollback")) {
                var response = stranger.send("POST", path);
                assertThat(response.status()).as(path + " " + response).isEqualTo(token == null ? 401 : 403);
            }
        }
        assertThat(probe.liveGeneration("dashboard")).isEqualTo(live);
    }
}
