package io.eventfold.command.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventfold.command.CommandServiceTest;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CommandServiceTest
class CommittedPositionsIT {

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_event_committed_on_this_thread_has_the_position_the_event_store_gave_it() {
        var conference = "positions-" + UUID.randomUUID();

        inUnitOfWork(conference, 1, false);

        assertThat(CommittedPositions.of(conference, 0)).hasValue(storedPosition(conference, 0));
        assertThat(CommittedPositions.of(conference, 1)).as("another sequence number").isEmpty();
        assertThat(CommittedPositions.of("other-" + conference, 0)).as("another conference").isEmpty();
    }

    @Test
    void every_event_of_the_last_committed_unit_of_work_is_remembered() {
        var conference = "several-" + UUID.randomUUID();

        inUnitOfWork(conference, 3, false);

        for (long sequenceNumber = 0; sequenceNumber < 3; sequenceNumber++) {
            assertThat(CommittedPositions.of(conference, sequenceNumber)).hasValue(
                    storedPosition(conference, sequenceNumber));
        }
    }

    @Test
    void an_event_whose_transaction_rolled_back_is_not_remembered() {
        var conference = "rolled-back-" + UUID.randomUUID();

        assertThatThrownBy(() -> inUnitOfWork(conference, 1, true)).hasMessage("fails after the append");

        assertThat(CommittedPositions.of(conference, 0)).isEmpty();
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(conference).query(Long.class).single()).isZero();
    }

    /** Appends the conference's first events in a transactional unit of work, which fails after them if asked. */
    private void inUnitOfWork(String conference, int events, boolean failAfterAppend) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> {
            for (long sequenceNumber = 0; sequenceNumber < events; sequenceNumber++) {
                eventStore.publish(new GenericDomainEventMessage<>("Conference", conference, sequenceNumber,
                        new ConferenceStatusChanged(conference, ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED, Instant.now())));
            }
            if (failAfterAppend) {
                unitOfWork.onPrepareCommit(u -> {
                    throw new IllegalStateException("fails after the append");
                });
            }
        });
    }

    private long storedPosition(String conference, long sequenceNumber) {
        return jdbc.sql("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?").params(conference, sequenceNumber).query(Long.class).single();
    }
}
