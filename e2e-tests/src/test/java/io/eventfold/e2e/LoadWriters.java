package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.e2e.HistoryDriver.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writers that stream random commands (status changes, sessions, speakers, registrations, cancellations)
 * over three conferences each, through the command API, recording everything in the reference tables.
 */
final class LoadWriters {

    static final int CONFERENCES = 3;

    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final AtomicInteger played = new AtomicInteger();
    private final List<HistoryDriver> drivers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    LoadWriters(EventFoldSystem system, Oracle oracle, String prefix, int writers) {
        var commands = Tokens.organizer(system.url(Service.COMMAND));
        for (int w = 0; w < writers; w++) {
            var driver = new HistoryDriver(commands, oracle.reference(), prefix + w);
            drivers.add(driver);
            var random = new Random(w);
            for (int c = 0; c < CONFERENCES; c++) {
                driver.schedule(c, c, random.nextInt(40), random.nextInt(4), 2 + random.nextInt(4));
            }
            var thread = new Thread(() -> {
                while (writing.get()) {
                    driver.play(new Step(random.nextInt(HistoryDriver.KINDS), random.nextInt(CONFERENCES),
                            random.nextInt(8), random.nextInt(8)));
                    played.incrementAndGet();
                }
            }, "writer-" + prefix + w);
            thread.start();
            threads.add(thread);
        }
    }

    int played() {
        return played.get();
    }

    List<String> conferences() {
        var ids = new ArrayList<String>();
        drivers.forEach(d -> {
            for (int c = 0; c < CONFERENCES; c++) {
                ids.add(d.conference(c));
            }
        });
        return ids;
    }

    void stop() throws InterruptedException {
        writing.set(false);
        for (var thread : threads) {
            thread.join();
        }
    }

    /** Once the read model has caught up: every dashboard, the counts and search equal the classic answers. */
    void assertReadModelEqualsOracle(Oracle oracle) {
        long position = 0;
        for (var driver : drivers) {
            driver.versions().forEach((id, version) -> oracle.awaitDashboard(id, version, Duration.ofSeconds(60)));
            driver.versions().forEach(oracle::assertDashboard);
            position = Math.max(position, driver.position());
        }
        assertThat(position).isPositive();
        oracle.assertCountsByStatus(position);
        oracle.assertSearch(null, null, null, null, 1, 100, position);
    }
}
