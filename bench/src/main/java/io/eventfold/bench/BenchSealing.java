package io.eventfold.bench;

import io.eventfold.contracts.PersonalEvent;
import io.eventfold.infra.PostgresServer;
import io.eventfold.privacy.MasterKey;
import io.eventfold.privacy.PersonKey;
import io.eventfold.privacy.PersonKeys;
import io.eventfold.privacy.Sealing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seals the workload's personal fields as command-service stores them, with a key per person in the bench's
 * database, so that the projector's replay and rebuild pay for opening them as they would in production.
 */
final class BenchSealing implements AutoCloseable {

    private final Connection connection;
    private final PersonKeys keys = new PersonKeys(MasterKey.none());
    private final Map<String, PersonKey> known = new HashMap<>();

    /** {@code databaseUrl}: one of {@link BenchInfrastructure#database}, which has the privacy schema. */
    BenchSealing(String databaseUrl) {
        try (var schema = BenchSealing.class.getResourceAsStream("/db/eventstore/V3__person_keys.sql")) {
            connection = DriverManager.getConnection(databaseUrl, PostgresServer.USER, "");
            connection.createStatement().execute(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the person keys' table", e);
        }
    }

    /** The events in order, personal ones sealed; keys made with one statement per conference of the chunk. */
    List<EventSink.Stored> seal(List<EventSink.Stored> chunk) {
        var missing = new LinkedHashMap<String, List<String>>();
        for (var stored : chunk) {
            if (stored.event() instanceof PersonalEvent<?> personal && !known.containsKey(personal.userId())) {
                missing.computeIfAbsent(stored.event().eventId(), id -> new ArrayList<>()).add(personal.userId());
            }
        }
        try {
            for (var conference : missing.entrySet()) {
                known.putAll(keys.keysFor(connection, conference.getKey(), conference.getValue()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make person keys", e);
        }
        return chunk.stream().map(stored -> stored.event() instanceof PersonalEvent<?> personal
                ? new EventSink.Stored(Sealing.sealAny(personal, known.get(personal.userId())), stored.version(),
                stored.position()) : stored).toList();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
