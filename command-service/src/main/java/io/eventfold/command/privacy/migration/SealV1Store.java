package io.eventfold.command.privacy.migration;

import io.eventfold.command.privacy.migration.Resealing.Rewritten;
import io.eventfold.command.privacy.migration.Resealing.Stored;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The migration's statements on the event store and its checkpoint row ({@code privacy_migration}, V4). Every
 * one runs on the caller's connection, in the caller's transaction.
 */
final class SealV1Store {

    static final String NAME = "seal-v1";

    /** The checkpoint as stored. */
    record Checkpoint(long lastGlobalIndex, long sealed, long forgotten, String error, Instant finishedAt) {
    }

    private final String[] olderNames;
    private final String forgottenName;

    SealV1Store(List<String> olderNames, String forgottenName) {
        this.olderNames = olderNames.toArray(String[]::new);
        this.forgottenName = forgottenName;
    }

    /** The checkpoint, locked until the transaction ends: pages of two instances take turns. */
    Checkpoint lock(Connection connection) throws SQLException {
        return checkpoint(connection, " for update");
    }

    Checkpoint read(Connection connection) throws SQLException {
        return checkpoint(connection, "");
    }

    private Checkpoint checkpoint(Connection connection, String lock) throws SQLException {
        try (var select = connection.prepareStatement("select last_global_index, sealed, forgotten, error, "
                + "finished_at from privacy_migration where name = ?" + lock)) {
            select.setString(1, NAME);
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("No checkpoint row " + NAME + ": is migration V4 applied?");
                }
                var finished = row.getTimestamp(5);
                return new Checkpoint(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4),
                        finished == null ? null : finished.toInstant());
            }
        }
    }

    /** Stored events of an older personal version, not counting any a page has rewritten (they are current). */
    long remaining(Connection connection) throws SQLException {
        try (var count = connection.prepareStatement(
                "select count(*) from domain_event_entry where payload_type = any(?)")) {
            count.setArray(1, connection.createArrayOf("text", olderNames));
            try (var row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The next page of older personal events after the checkpoint, in store order. */
    List<Stored> page(Connection connection, long after, int size) throws SQLException {
        try (var select = connection.prepareStatement("""
                select global_index, aggregate_identifier, payload_type, payload from domain_event_entry
                where global_index > ? and payload_type = any(?) order by global_index limit ?""")) {
            select.setLong(1, after);
            select.setArray(2, connection.createArrayOf("text", olderNames));
            select.setInt(3, size);
            var rows = new ArrayList<Stored>(size);
            try (var row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Stored(row.getLong(1), row.getString(2), row.getString(3), row.getBytes(4)));
                }
            }
            return rows;
        }
    }

    /**
     * Each forgetting stored after {@code after}: whom it forgot, at which position, into {@code into}. The
     * highest position stored when it began: what the next call may read on from.
     */
    long forgettingsAfter(Connection connection, long after, Map<String, Long> into) throws SQLException {
        long highest;
        try (var max = connection.prepareStatement("select coalesce(max(global_index), 0) from domain_event_entry");
             var row = max.executeQuery()) {
            row.next();
            highest = row.getLong(1);
        }
        try (var select = connection.prepareStatement("""
                select global_index, convert_from(payload, 'UTF8')::jsonb ->> 'userId' from domain_event_entry
                where global_index > ? and global_index <= ? and payload_type = ?""")) {
            select.setLong(1, after);
            select.setLong(2, highest);
            select.setString(3, forgottenName);
            try (var row = select.executeQuery()) {
                while (row.next()) {
                    into.merge(row.getString(2), row.getLong(1), Math::max);
                }
            }
        }
        return highest;
    }

    /**
     * The new payloads and names, set-based; only rows still of an older version change, so a page redone after
     * a crash, or by another instance, rewrites nothing twice. The number of rows changed.
     */
    int rewrite(Connection connection, List<Rewritten> rows) throws SQLException {
        try (var update = connection.prepareStatement("""
                update domain_event_entry d set payload = u.payload, payload_type = u.payload_type
                from unnest(?::bigint[], ?::bytea[], ?::text[]) u(global_index, payload, payload_type)
                where d.global_index = u.global_index and d.payload_type = any(?)""")) {
            var positions = rows.stream().map(Rewritten::globalIndex).toArray(Long[]::new);
            var payloads = rows.stream().map(Rewritten::payload).toArray(byte[][]::new);
            var types = rows.stream().map(Rewritten::payloadType).toArray(String[]::new);
            update.setArray(1, connection.createArrayOf("bigint", positions));
            update.setArray(2, connection.createArrayOf("bytea", payloads));
            update.setArray(3, connection.createArrayOf("text", types));
            update.setArray(4, connection.createArrayOf("text", olderNames));
            return update.executeUpdate();
        }
    }

    void advance(Connection connection, long lastGlobalIndex, long sealed, long forgotten) throws SQLException {
        update(connection, "last_global_index = ?, sealed = sealed + ?, forgotten = forgotten + ?",
                lastGlobalIndex, sealed, forgotten);
    }

    /** A run begins: an earlier error and end are history. */
    void started(Connection connection) throws SQLException {
        update(connection, "error = null, finished_at = null, started_at = now()");
    }

    /** Back to the start of the store, for events an older instance stored behind the checkpoint. */
    void rewind(Connection connection) throws SQLException {
        update(connection, "last_global_index = 0");
    }

    void finished(Connection connection) throws SQLException {
        update(connection, "finished_at = now()");
    }

    void failed(Connection connection, String error) throws SQLException {
        update(connection, "error = ?", error);
    }

    private static void update(Connection connection, String set, Object... values) throws SQLException {
        try (var update = connection.prepareStatement(
                "update privacy_migration set " + set + ", updated_at = now() where name = ?")) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.setString(values.length + 1, NAME);
            update.executeUpdate();
        }
    }
}
