package io.eventfold.privacy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The person keys table ({@code privacy.person_key}, one key per person) and which conferences hold sealed
 * data of whom ({@code privacy.person_conference}). Every call is one or two set-based statements on the
 * caller's connection, inside the caller's transaction.
 */
public final class PersonKeys {

    private final MasterKey master;

    public PersonKeys(MasterKey master) {
        this.master = master;
    }

    /**
     * Each person's key; a new one for a person without (a forgotten person who comes back gets a new key), and
     * each noted as having sealed data in the conference. Commits or rolls back with the events it seals.
     */
    public Map<String, PersonKey> keysFor(Connection connection, String conferenceId, Collection<String> userIds)
            throws SQLException {
        var users = List.copyOf(new LinkedHashSet<>(userIds));
        var ids = new UUID[users.size()];
        var keys = new byte[users.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID();
            keys[i] = master.wrap(ids[i], Aes.newKey());
        }
        try (var made = connection.prepareStatement("""
                with wanted as (select * from unnest(?::text[], ?::uuid[], ?::bytea[]) w(user_id, key_id, key_bytes)),
                     noted as (insert into privacy.person_conference (user_id, conference_id)
                               select user_id, ? from wanted on conflict do nothing)
                insert into privacy.person_key (user_id, key_id, key_bytes, wrapped)
                select user_id, key_id, key_bytes, ? from wanted on conflict (user_id) do nothing""")) {
            made.setArray(1, connection.createArrayOf("text", users.toArray()));
            made.setArray(2, connection.createArrayOf("uuid", ids));
            made.setArray(3, connection.createArrayOf("bytea", keys));
            made.setString(4, conferenceId);
            made.setBoolean(5, master.wraps());
            made.executeUpdate();
        }
        var found = new HashMap<String, PersonKey>();
        try (var select = connection.prepareStatement(
                "select key_id, user_id, key_bytes, wrapped from privacy.person_key where user_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("text", users.toArray()));
            read(select.executeQuery(), key -> found.put(key.userId(), key));
        }
        if (found.size() != users.size()) {
            throw new SQLException("Keys of " + (users.size() - found.size()) + " people vanished while made");
        }
        return found;
    }

    /** The keys of these ids that still exist: a forgotten person's is missing. */
    public Map<UUID, PersonKey> byId(Connection connection, Collection<UUID> keyIds) throws SQLException {
        var found = new HashMap<UUID, PersonKey>();
        if (keyIds.isEmpty()) {
            return found;
        }
        try (var select = connection.prepareStatement(
                "select key_id, user_id, key_bytes, wrapped from privacy.person_key where key_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", keyIds.toArray()));
            read(select.executeQuery(), key -> found.put(key.id(), key));
        }
        return found;
    }

    /** The conferences that hold sealed data of this person (and so are told when they are forgotten). */
    public List<String> conferencesOf(Connection connection, String userId) throws SQLException {
        try (var select = connection.prepareStatement(
                "select conference_id from privacy.person_conference where user_id = ? order by conference_id")) {
            select.setString(1, userId);
            var conferences = new ArrayList<String>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    conferences.add(rows.getString(1));
                }
            }
            return conferences;
        }
    }

    /** Deletes the person's key and notes: what it sealed never opens again. False when there was no key. */
    public boolean forget(Connection connection, String userId) throws SQLException {
        try (var delete = connection.prepareStatement("""
                with notes as (delete from privacy.person_conference where user_id = ?)
                delete from privacy.person_key where user_id = ?""")) {
            delete.setString(1, userId);
            delete.setString(2, userId);
            return delete.executeUpdate() > 0;
        }
    }

    private interface Found {
        void add(PersonKey key);
    }

    private void read(ResultSet rows, Found found) throws SQLException {
        try (rows) {
            while (rows.next()) {
                var id = rows.getObject(1, UUID.class);
                found.add(new PersonKey(id, rows.getString(2), master.unwrap(id, rows.getBytes(3), rows.getBoolean(4))));
            }
        }
    }
}
