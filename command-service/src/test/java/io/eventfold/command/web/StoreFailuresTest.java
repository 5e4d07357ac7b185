package io.eventfold.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

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
}
