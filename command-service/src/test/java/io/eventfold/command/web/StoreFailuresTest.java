package io.eventfold.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

class StoreFailuresTest {

    @Test
    void a_transaction_ended_by_the_writers_bounds_or_a_lost_connection_is_a_store_failure() {
        for (var state : new String[] {"25P03", "57014", "57P01", "08006", "40001", "53300", null}) {
            var failure = new EventStoreException("An event for aggregate [c] at sequence [1006] was already inserted",
                    new IllegalStateException("could not execute statement", new SQLException("FATAL", state)));

            assertThat(StoreFailures.isStoreFailure(failure)).as(state).isTrue();
        }
    }

    @Test
    void a_refusal_of_the_request_itself_is_not() {
        for (var state : new String[] {"23505", "22001", "42P01", "25P02"}) {
            var failure = new EventStoreException("insert failed", new SQLException("ERROR", state));

            assertThat(StoreFailures.isStoreFailure(failure)).as(state).isFalse();
        }
    }

    @Test
    void a_pool_with_no_free_connection_within_its_timeout_is_a_store_failure() {
        var failure = new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed "
                        + "out after 1500ms"));

        assertThat(StoreFailures.isStoreFailure(failure)).isTrue();
        assertThat(StoreFailures.isContention(failure)).isFalse();
    }

    @Test
    void a_lock_not_free_in_time_is_contention_wherever_it_is_in_the_causes() {
        var failure = new IllegalStateException("batch failed",
                new LockAcquisitionFailedException("Failed to acquire lock for aggregate identifier(c)"));

        assertThat(StoreFailures.isContention(failure)).isTrue();
        assertThat(StoreFailures.isStoreFailure(failure)).isFalse();
    }
}
