package io.eventfold.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.ServiceRoles;
import io.eventfold.infra.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PersonKeysIT {

    private static String url;

    @BeforeAll
    static void database() throws Exception {
        url = TestInfrastructure.get().newDatabase();
        try (var in = PersonKeys.class.getResourceAsStream("/db/eventstore/V3__person_keys.sql");
             var connection = connect(ServiceRoles.COMMAND)) {
            connection.createStatement().execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Connection connect(String role) throws Exception {
        return DriverManager.getConnection(url, role, "");
    }

    @Test
    void a_person_keeps_one_key_until_forgotten_and_gets_a_new_one_after() throws Exception {
        var keys = new PersonKeys(MasterKey.none());
        try (var connection = connect(ServiceRoles.COMMAND)) {
            var first = keys.keysFor(connection, "conf-1", List.of("ada", "bob", "ada"));
            var again = keys.keysFor(connection, "conf-2", List.of("ada"));

            assertThat(first).containsOnlyKeys("ada", "bob");
            assertThat(again.get("ada")).isEqualTo(first.get("ada"));
            assertThat(again.get("ada").key()).isEqualTo(first.get("ada").key());
            assertThat(keys.conferencesOf(connection, "ada")).containsExactly("conf-1", "conf-2");

            assertThat(keys.forget(connection, "ada")).isTrue();
            assertThat(keys.forget(connection, "ada")).isFalse();
            assertThat(keys.conferencesOf(connection, "ada")).isEmpty();
            assertThat(keys.byId(connection, Set.of(first.get("ada").id(), first.get("bob").id())))
                    .containsOnlyKeys(first.get("bob").id());
            var back = keys.keysFor(connection, "conf-1", List.of("ada"));
            assertThat(back.get("ada").id()).isNotEqualTo(first.get("ada").id());
        }
    }

    @Test
    void projection_service_reads_keys_and_nothing_else_of_privacy() throws Exception {
        var master = MasterKey.of(Base64.getEncoder().encodeToString(Aes.newKey().getEncoded()));
        PersonKey made;
        try (var connection = connect(ServiceRoles.COMMAND)) {
            made = new PersonKeys(master).keysFor(connection, "conf-9", List.of("cyd")).get("cyd");
        }
        try (var connection = connect(ServiceRoles.PROJECTION)) {
            var read = new PersonKeys(master).byId(connection, Set.of(made.id()));

            assertThat(read.get(made.id()).key()).isEqualTo(made.key());
            assertThat(PersonKeysIT.refused(connection, "select * from privacy.person_conference")).isTrue();
            assertThat(PersonKeysIT.refused(connection, "delete from privacy.person_key")).isTrue();
        }
        try (var connection = connect(ServiceRoles.QUERY)) {
            assertThat(PersonKeysIT.refused(connection, "select * from privacy.person_key")).isTrue();
        }
    }

    private static boolean refused(Connection connection, String sql) {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
            return false;
        } catch (java.sql.SQLException e) {
            return "42501".equals(e.getSQLState());
        }
    }
}
