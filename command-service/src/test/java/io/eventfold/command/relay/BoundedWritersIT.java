package io.eventfold.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every command-service session is bounded ({@link RelayTest}: statements 1 s, idle in a transaction 1.5 s). */
@RelayTest
class BoundedWritersIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    Flyway flyway;

    @Test
    void a_session_idle_in_a_transaction_longer_than_the_bound_is_ended() throws Exception {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("select nextval('domain_event_entry_seq')");
            }
            Thread.sleep(2500);

            assertThatThrownBy(() -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                connection.commit();
            }).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void a_statement_longer_than_the_bound_is_cancelled() throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("select pg_sleep(3)"))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).as("query_canceled").isEqualTo("57014"));
        }
    }

    @Test
    void migrations_run_on_connections_of_their_own_without_the_timeouts() throws Exception {
        var migrations = flyway.getConfiguration().getDataSource();

        assertThat(migrations).isNotSameAs(dataSource);
        try (var connection = migrations.getConnection(); var statement = connection.createStatement();
             var shown = statement.executeQuery("select current_setting('statement_timeout'),"
                     + " current_setting('idle_in_transaction_session_timeout')")) {
            shown.next();
            assertThat(shown.getString(1)).isEqualTo("0");
            assertThat(shown.getString(2)).isEqualTo("0");
        }
    }
}
