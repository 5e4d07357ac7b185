package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.e2e.Faults.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL paused for 20 s (a hung server: connections open, nothing answers) and restarted, then Kafka paused
 * for 30 s and restarted, while writers register people and readers read. The servers run as processes of
 * their own, as {@code ./eventfold run} runs them. Afterwards every acknowledged registration is stored exactly
 * once, no reader saw anything but answers or 503s (never a dashboard going back), and every dashboard and
 * count equals the classic computation.
 */
class InfrastructureFaultsIT {

    private static InfraParts parts;
    private static EventFoldSystem system;
    private static Oracle oracle;

    @BeforeAll
    static void start() {
        parts = InfraParts.start();
        system = EventFoldSystem.startOn(parts.settings());
        oracle = new Oracle(system);
    }

    @AfterAll
    static void stop() {
        try {
            EventFoldSystem.close(oracle, system);
        } finally {
            parts.close();
        }
    }

    @Test
    void hung_and_restarted_servers_lose_no_acknowledged_write_and_leave_every_row_equal_to_its_fold()
            throws Exception {
        var writers = new RegistrationWriters(oracle, () -> List.of(system.url(Service.COMMAND)), "infra", 3);
        var readers = new ContinuousReaders(system, writers.conferences(), 2, true);
        var faults = new Faults(system, parts);
        Thread.sleep(1500);

        for (var fault : List.of(Fault.DATABASE_PAUSED, Fault.DATABASE_RESTARTED, Fault.KAFKA_PAUSED,
                Fault.KAFKA_RESTARTED)) {
            int before = writers.acknowledged.size();
            faults.inject(fault);
            var recovery = faults.awaitRecovery(writers, Duration.ofSeconds(90));
            System.out.printf("%s: %d registrations acknowledged before it, recovered in %d ms%n", fault, before,
                    recovery.toMillis());
        }
        writers.stop();
        readers.stop();

        writers.assertNothingLostOrDoubled(system.databaseUrl());
        writers.assertReadModelEqualsOracle(Duration.ofSeconds(90));
        assertThat(readers.failures()).as("reads other than answers and 503s").isEmpty();
        assertThat(readers.reads()).isPositive();
    }
}
