package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.infra.HttpJson;
import java.net.URI;
import java.net.http.HttpRequest;
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
class RebuildUnderLoadTest {

    private static final String TOKEN = "e2e-operator";
    private static final Duration REBUILD_TIMEOUT = Duration.ofSeconds(120);

    private static EventFoldSystem system;
    private static Oracle oracle;

    @BeforeAll
    static void start() {
        system = EventFoldSystem.start(EnumSet.allOf(Service.class), Map.of("EVENTFOLD_OPERATOR_TOKEN", TOKEN,
                "EVENTFOLD_PROJECTION_REBUILD_MAX_RATE", "2000", "EVENTFOLD_PROJECTION_REBUILD_BATCH_SIZE", "200"));
        oracle = new Oracle(system);
    }

    @AfterAll
    static void stop() {
        EventFoldSystem.close(oracle, system);
    }

    private static HttpJson.Response admin(String method, String path) {
        var http = new HttpJson(system.url(Service.PROJECTION));
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Authorization", "Bearer " + TOKEN).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static int startRebuild(String projection) {
        var started = admin("POST", "/admin/projections/" + projection + "/rebuild");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.json().get("generation").asInt();
    }

    private static void awaitSwitched(String projection, int generation) {
        await().atMost(REBUILD_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            var status = admin("GET", "/admin/projections/" + projection + "/rebuild");
            return status.status() == 200 && status.json().get("generation").asInt() == generation
                    && status.json().get("state").asString().equals("SWITCHED");
        });
    }

    private static void awaitProcessed(String projection, long records) {
        await().atMost(REBUILD_TIMEOUT).until(() -> admin("GET", "/admin/projections/" + projection + "/rebuild")
                .json().get("processed").asLong() >= records);
    }

    @Test
    void a_rebuild_under_writes_and_reads_fails_no_read_and_ends_equal_to_the_oracle() throws Exception {
        var writers = new LoadWriters(system, oracle, "rebuild", 3);
        var readers = new ContinuousReaders(system, writers.conferences(), 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> writers.played() >= 600);

        int dashboard = startRebuild("dashboard");
        int counts = startRebuild("status-counts");
        int readsBefore = readers.reads();
        awaitSwitched("dashboard", dashboard);
        awaitSwitched("status-counts", counts);
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
        int generation = startRebuild("dashboard");
        awaitProcessed("dashboard", 500);

        system.killAndRestart(Service.PROJECTION);

        var resumed = admin("GET", "/admin/projections/dashboard/rebuild").json();
        assertThat(resumed.get("generation").asInt()).isEqualTo(generation);
        awaitSwitched("dashboard", generation);
        writers.stop();
        readers.stop();

        assertThat(readers.failures()).isEmpty();
        writers.assertReadModelEqualsOracle(oracle);
    }
}
