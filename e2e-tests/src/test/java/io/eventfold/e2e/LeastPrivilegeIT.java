package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventfold.infra.PostgresServer;
import io.eventfold.infra.ServiceRoles;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each service connects as its own role, and each role can do no more than its service needs: query-api's reads
 * only the published views and the offsets; neither the command nor the projection side reaches the other's
 * schema; none may create a schema or is a superuser. Checked on the shared system, the way the services run.
 */
class LeastPrivilegeIT {

    private static final String DENIED = "42501";
    /** What query-api reads: the views, the offsets (minPosition) and the projector's heartbeat (its health). */
    private static final List<String> PUBLISHED = List.of("read_model.dashboard", "read_model.status_count",
            "read_model.projection_offset", "read_model.projector_heartbeat");

    @Test
    void the_services_connect_as_their_own_roles_never_as_the_superuser() throws SQLException {
        var url = SharedSystem.system().databaseUrl();
        var users = new HashSet<String>();
        try (var connection = DriverManager.getConnection(url, PostgresServer.USER, "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("select usename from pg_stat_activity where datname = "
                     + "current_database() and pid <> pg_backend_pid() and application_name <> '"
                     + Oracle.APPLICATION_NAME + "'")) {
            while (rows.next()) {
                users.add(rows.getString(1));
            }
        }

        assertThat(users).containsExactlyInAnyOrder(ServiceRoles.COMMAND, ServiceRoles.PROJECTION, ServiceRoles.QUERY);
    }

    @Test
    void query_api_reads_the_published_views_and_offsets_and_nothing_else() throws SQLException {
        assertQueryRoleReadsOnlyPublishedViews(SharedSystem.system().databaseUrl());
    }

    @Test
    void the_command_and_projection_sides_cannot_reach_each_others_schema() throws SQLException {
        var url = SharedSystem.system().databaseUrl();

        assertDenied(url, ServiceRoles.COMMAND, "select count(*) from read_model.dashboard_g1");
        assertDenied(url, ServiceRoles.COMMAND, "select count(*) from read_model.operator_audit");
        assertDenied(url, ServiceRoles.PROJECTION, "select count(*) from event_store.domain_event_entry");
        assertDenied(url, ServiceRoles.PROJECTION, "delete from event_store.token_entry");
        // Person keys: command-service makes and deletes them; projection-service only reads them.
        assertThat(rows(url, ServiceRoles.PROJECTION, "select count(*)::text from privacy.person_key")).hasSize(1);
        assertDenied(url, ServiceRoles.PROJECTION, "delete from privacy.person_key");
        assertDenied(url, ServiceRoles.PROJECTION, "select count(*) from privacy.person_conference");
        for (var role : List.of(ServiceRoles.COMMAND, ServiceRoles.PROJECTION, ServiceRoles.QUERY)) {
            assertDenied(url, role, "create schema elsewhere");
            assertDenied(url, role, "create table public.anything (id int)");
            assertThat(rows(url, role, "select rolsuper::text from pg_roles where rolname = current_user"))
                    .containsExactly("false");
        }
    }

    /** Every table and view of the three schemas but the published ones is out of reach; also after a switch. */
    static void assertQueryRoleReadsOnlyPublishedViews(String url) throws SQLException {
        var role = ServiceRoles.QUERY;
        var everything = rows(url, PostgresServer.USER, "select c.oid::regclass::text from pg_class c join "
                + "pg_namespace n on n.oid = c.relnamespace "
                + "and n.nspname in ('read_model', 'event_store', 'privacy') where c.relkind in ('r', 'p', 'v')");

        assertThat(everything).containsAll(PUBLISHED).contains("event_store.domain_event_entry",
                "read_model.dead_letter", "read_model.operator_audit", "privacy.person_key");
        for (var table : everything) {
            if (PUBLISHED.contains(table)) {
                assertThat(rows(url, role, "select count(*)::text from " + table)).hasSize(1);
            } else {
                assertDenied(url, role, "select count(*) from " + table);
            }
        }
        assertDenied(url, role, "delete from read_model.dashboard");
        assertDenied(url, role, "update read_model.projection_offset set watermark = 0");
        assertDenied(url, role, "create table read_model.anything (id int)");
    }

    private static void assertDenied(String url, String role, String sql) {
        assertThatThrownBy(() -> rows(url, role, sql)).as("%s: %s", role, sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(DENIED));
    }

    private static List<String> rows(String url, String role, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(url, role, "");
             var statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return List.of();
            }
            var values = new ArrayList<String>();
            try (var result = statement.getResultSet()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        }
    }
}
