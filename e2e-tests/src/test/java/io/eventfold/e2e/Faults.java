package io.eventfold.e2e;

import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.e2e.InfraParts.Part;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/** The faults a running system meets, injected one at a time; each call returns when its fault is over. */
final class Faults {

    enum Fault {
        DATABASE_CONNECTION_RESET, DATABASE_PAUSED, DATABASE_RESTARTED, KAFKA_PAUSED, KAFKA_RESTARTED,
        COMMAND_SERVICE_KILLED, PROJECTION_SERVICE_KILLED, QUERY_API_KILLED;

        /** Those that need the servers as processes of their own ({@link InfraParts}). */
        boolean needsOwnInfrastructure() {
            return this == DATABASE_PAUSED || this == DATABASE_RESTARTED || this == KAFKA_PAUSED
                    || this == KAFKA_RESTARTED;
        }
    }

    static final Duration DATABASE_PAUSE = Duration.ofSeconds(20);
    static final Duration KAFKA_PAUSE = Duration.ofSeconds(30);

    private final EventFoldSystem system;
    private final InfraParts parts;

    Faults(EventFoldSystem system, InfraParts parts) {
        this.system = system;
        this.parts = parts;
    }

    void inject(Fault fault) throws InterruptedException, SQLException {
        switch (fault) {
            case DATABASE_CONNECTION_RESET -> DatabaseResetIT.killOneBackend(system.databaseUrl());
            case DATABASE_PAUSED -> parts.pause(Part.POSTGRES, DATABASE_PAUSE);
            case DATABASE_RESTARTED -> parts.restart(Part.POSTGRES);
            case KAFKA_PAUSED -> parts.pause(Part.KAFKA, KAFKA_PAUSE);
            case KAFKA_RESTARTED -> parts.restart(Part.KAFKA);
            case COMMAND_SERVICE_KILLED -> system.killAndRestart(Service.COMMAND);
            case PROJECTION_SERVICE_KILLED -> system.killAndRestart(Service.PROJECTION);
            case QUERY_API_KILLED -> system.killAndRestart(Service.QUERY);
        }
    }

    /**
     * How long after a fault the system works again end to end: a registration acknowledged after it, and the
     * query API showing that registration's conference at least at its version.
     */
    Duration awaitRecovery(RegistrationWriters writers, Duration timeout) {
        long started = System.nanoTime();
        int acknowledged = writers.acknowledged.size();
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> writers.acknowledged.size() > acknowledged);
        var conference = writers.acknowledged.values().iterator().next();
        long version = writers.versions.get(conference);
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() ->
                Tokens.organizer(system.url(Service.QUERY), Duration.ofSeconds(5))
                        .get("/api/events/" + conference + "/dashboard?minVersion=" + version).status() == 200);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static List<Fault> all(boolean ownInfrastructure) {
        return List.of(Fault.values()).stream().filter(f -> ownInfrastructure || !f.needsOwnInfrastructure())
                .toList();
    }
}
