package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.infra.PostgresServer;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL backend killed with SIGKILL, five times, while writers register people: PostgreSQL then resets
 * every connection and replays its WAL, as after a crash or a fail-over. Writers retry each registration with
 * its own id until it is answered for good. At the end every registration answered 2xx is in the event store,
 * exactly once, and every dashboard and count equals the classic computation over what was acknowledged.
 */
class DatabaseResetIT extends FullSystemIT {

    @Test
    void no_acknowledged_registration_is_lost_or_stored_twice_when_the_database_resets() throws Exception {
        var writers = new RegistrationWriters(oracle, () -> List.of(system.url(Service.COMMAND)), "reset", 4);

        Thread.sleep(1500);
        var killed = new ArrayList<Long>();
        for (int kill = 0; kill < 5; kill++) {
            killed.add(killOneBackend(system.databaseUrl()));
            Thread.sleep(1500);
        }
        writers.stop();
        System.out.printf("database reset: %d backends killed, %d registrations acknowledged, %d answers 503%n",
                killed.size(), writers.acknowledged.size(), writers.unavailable.get());

        assertThat(killed).as("a backend was killed each time").doesNotContainNull();
        writers.assertNothingLostOrDoubled(system.databaseUrl());
        writers.assertReadModelEqualsOracle(Duration.ofSeconds(60));
    }

    /** SIGKILL to a backend of the system's database: PostgreSQL resets every connection and recovers. */
    static Long killOneBackend(String databaseUrl) throws SQLException {
        try (var connection = DriverManager.getConnection(databaseUrl, PostgresServer.USER, "");
             var query = connection.prepareStatement("""
                     select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                     and backend_type = 'client backend' order by state = 'active' desc, random() limit 1""");
             var rows = query.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            long pid = rows.getLong(1);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            return pid;
        }
    }
}
