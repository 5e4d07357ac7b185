package io.eventfold.e2e;

import io.eventfold.e2e.HistoryDriver.Step;
import io.eventfold.infra.HttpJson;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The correctness oracle. Random command histories over several organizations and conferences go through
 * the real pipeline (HTTP, Axon, event store, relay, Kafka, projector); every dashboard, search page and
 * count by status must then equal what the classic application computes at read time with SQL over its
 * normalized tables. Zero differences allowed.
 */
class CorrectnessOracleIT {

    private static HttpJson commands;
    private static Oracle oracle;

    /**
     * On the {@link SharedSystem}: other classes' conferences are there too, mirrored into the same classic tables,
     * so whole searches and counts still compare equal; this class's own conferences have fresh ids.
     */
    @BeforeContainer
    static void start() {
        commands = Tokens.organizer(SharedSystem.system().url(EventFoldSystem.Service.COMMAND));
        oracle = SharedSystem.oracle();
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return HistoryDriver.steps(5, 45);
    }

    @Provide
    Arbitrary<List<Integer>> setups() {
        return Arbitraries.integers().between(0, 1000).list().ofSize(5);
    }

    @Property(tries = 200)
    void every_read_equals_the_classic_computation(@ForAll("histories") List<Step> history,
                                                   @ForAll("setups") List<Integer> setup) {
        var prefix = "o" + UUID.randomUUID().toString().substring(0, 8);
        var driver = new HistoryDriver(commands, oracle.reference(), prefix);
        for (int c = 0; c < 3; c++) {
            driver.schedule(c, setup.get(c) % 3, setup.get(c) % 40, setup.get(c) % 4, 1 + setup.get(c) % 5);
        }
        history.forEach(driver::play);

        driver.versions().forEach(oracle::assertDashboard);
        var position = driver.position();
        oracle.assertSearch(null, null, null, null, 1, 100, position);
        oracle.assertSearch("PUBLISHED", null, null, null, 1, 5, position);
        oracle.assertSearch(null, "org-" + setup.get(3) % 3, LocalDate.of(2027, 1, 5), null, 1 + setup.get(4) % 3, 2,
                position);
        oracle.assertSearch("DRAFT", "org-1", null, LocalDate.of(2027, 2, 20), 1, 3, position);
        oracle.assertCountsByStatus(position);
    }
}
