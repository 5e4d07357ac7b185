package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.e2e.HistoryDriver.Step;
import io.eventfold.infra.HttpJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of projection-service, twice, while commands stream in. After restarts every dashboard and count
 * equals the classic computation: nothing lost, nothing counted twice.
 */
class ProjectionCrashTest {

    private static EventFoldSystem system;
    private static Oracle oracle;

    @BeforeAll
    static void start() {
        system = EventFoldSystem.start();
        oracle = new Oracle(system);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void a_killed_projector_resumes_to_exactly_the_fold_of_the_events() throws Exception {
        var commands = new HttpJson(system.url(Service.COMMAND));
        var writing = new AtomicBoolean(true);
        var played = new AtomicInteger();
        var drivers = new ArrayList<HistoryDriver>();
        var writers = new ArrayList<Thread>();
        for (int w = 0; w < 3; w++) {
            var driver = new HistoryDriver(commands, oracle.reference(), "crash" + w);
            drivers.add(driver);
            var random = new Random(w);
            for (int c = 0; c < 3; c++) {
                driver.schedule(c, c, random.nextInt(40), random.nextInt(4), 2 + random.nextInt(4));
            }
            var writer = new Thread(() -> {
                while (writing.get()) {
                    driver.play(new Step(random.nextInt(HistoryDriver.KINDS), random.nextInt(3), random.nextInt(8),
                            random.nextInt(8)));
                    played.incrementAndGet();
                }
            }, "writer-" + w);
            writer.start();
            writers.add(writer);
        }

        Thread.sleep(1000);
        system.killAndRestart(Service.PROJECTION);
        int playedAtFirstKill = played.get();
        Thread.sleep(500);
        system.killAndRestart(Service.PROJECTION);
        Thread.sleep(500);
        writing.set(false);
        for (var writer : writers) {
            writer.join();
        }

        assertThat(playedAtFirstKill).as("commands were flowing at the first kill").isPositive();
        assertThat(played.get()).isGreaterThan(playedAtFirstKill);
        long position = 0;
        for (var driver : drivers) {
            driver.versions().forEach((id, version) -> oracle.awaitDashboard(id, version, Duration.ofSeconds(60)));
            driver.versions().forEach(oracle::assertDashboard);
            position = Math.max(position, driver.position());
        }
        oracle.assertCountsByStatus(position);
        oracle.assertSearch(null, null, null, null, 1, 100, position);
    }
}
