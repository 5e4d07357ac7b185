package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.e2e.EventFoldSystem.Service;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds while commands stream in and clients read without pause: no read fails, none comes back empty or
 * older than one before it, and afterwards every dashboard, count and search equals the classic answers.
 * Then the same with a kill -9 of projection-service in the middle of the rebuild. Rebuilds are slowed
 * down (max-rate) so that they overlap plenty of writes and reads, and the kill.
 */
class RebuildUnderLoadIT {

    private static EventFoldSystem system;
    private static Oracle oracle;
    private static Operator operator;

    @BeforeAll
    static void start() {
        system = EventFoldSystem.start(EnumSet.allOf(Service.class),
                Map.of("EVENTFOLD_PROJECTION_REBUILD_MAX_RATE", "2000",
                        "EVENTFOLD_PROJECTION_REBUILD_BATCH_SIZE", "200"));
        oracle = new Oracle(system);
        operator = new Operator(system);
    }

    @AfterAll
    static void stop() {
        EventFoldSystem.close(oracle, system);
    }

    @Test
    void a_rebuild_under_writes_and_reads_fails_no_read_and_ends_equal_to_the_oracle() throws Exception {
        var writers = new LoadWriters(system, oracle, "rebuild", 3);
        var readers = new ContinuousReaders(system, writers.conferences(), 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> writers.played() >= 600);

        int dashboard = operator.startRebuild("dashboard");
        int counts = operator.startRebuild("status-counts");
        int readsBefore = readers.reads();
        operator.awaitSwitched("dashboard", dashboard);
        operator.awaitSwitched("status-counts", counts);
        LeastPrivilegeIT.assertQueryRoleReadsOnlyPublishedViews(system.databaseUrl());
        int readsDuring = readers.reads() - readsBefore;
        Thread.sleep(500);
        writers.stop();
        readers.stop();

        System.out.printf("Rebuild under load: %d reads during the rebuild, slowest read %.1f ms%n", readsDuring,
                readers.slowestMillis());
        readers.slowReads().forEach(r -> System.out.println("  slow read at " + r));
        assertThat(readers.failures()).isEmpty();
        assertThat(readsDuring).as("reads while rebuilding").isGreaterThan(100);
        writers.assertReadModelEqualsOracle(oracle);
    }

    @Test
    void a_rebuild_interrupted_by_kill_9_resumes_and_ends_equal_to_the_oracle() throws Exception {
        var writers = new LoadWriters(system, oracle, "killed", 3);
        var readers = new ContinuousReaders(system, writers.conferences(), 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> writers.played() >= 600);
        int generation = operator.startRebuild("dashboard");
        operator.awaitProcessed("dashboard", 500);

        system.killAndRestart(Service.PROJECTION);

        var resumed = operator.admin("GET", "/admin/projections/dashboard/rebuild").json();
        assertThat(resumed.get("generation").asInt()).isEqualTo(generation);
        operator.awaitSwitched("dashboard", generation);
        writers.stop();
        readers.stop();

        assertThat(readers.failures()).isEmpty();
        writers.assertReadModelEqualsOracle(oracle);
    }
}
