package io.eventfold.projection;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.PersonalEvent;
import io.eventfold.infra.ServiceRoles;
import io.eventfold.privacy.PersonKey;
import io.eventfold.privacy.PersonKeys;
import io.eventfold.privacy.Sealing;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;

/** Sealed events as the command side stores them, and its key table in a test database. */
public final class PrivacyFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivacyFixtures() {
    }

    /** A key of this person that is in no table: for tests without a database. */
    public static PersonKey keyOf(String userId) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new PersonKey(UUID.randomUUID(), userId, new SecretKeySpec(bytes, "AES"));
    }

    /** The event with its personal fields sealed by {@code key}; any other event as it is. */
    public static ConferenceEvent seal(ConferenceEvent event, PersonKey key) {
        return event instanceof PersonalEvent<?> personal ? Sealing.sealAny(personal, key) : event;
    }

    /** The event as read with {@code key}, or as forgotten with none; any other event as it is. */
    public static ConferenceEvent open(ConferenceEvent event, PersonKey key) {
        return event instanceof PersonalEvent<?> personal ? Sealing.openAny(personal, key) : event;
    }

    /** Creates the person key tables in the database, as command-service's migration does. */
    public static void keyTables(String jdbcUrl) {
        try (var in = PersonKeys.class.getResourceAsStream("/db/eventstore/V3__person_keys.sql");
             var connection = asCommandService(jdbcUrl)) {
            connection.createStatement().execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the person key tables", e);
        }
    }

    /** A connection as command-service's role, which alone makes and deletes keys. */
    public static Connection asCommandService(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, ServiceRoles.COMMAND, "");
    }
}
