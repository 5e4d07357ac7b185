package io.eventfold.command.axon;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import io.eventfold.messaging.upcast.UnknownEventVersionException;
import io.eventfold.messaging.upcast.Upcasters;
import io.eventfold.privacy.PersonKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.hibernate.Session;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In place of Axon's JPA event store auto-configuration, which steps back when this bean exists. */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfig {

    /** Axon's JPA event store, built as its auto-configuration builds it, with the changes below. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager, PersonKeys personKeys) {
        return new PostgresEventStorage(new PersonalFields(personKeys), transactionManager, JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager));
    }

    /**
     * The relay's fetch, while its token has gaps, is {@code global_index > ? or global_index in (…)}. Once
     * PostgreSQL caches a generic plan for a prepared statement (after five runs), it plans that query as a
     * walk of the whole primary key from the start, filtering: a fetch then reads every event ever stored.
     * Planned with its values, it is two index lookups.
     * The positions of all appended events go to {@link CommittedPositions} when their transaction commits.
     * And personal fields are sealed as they are stored, and opened as an aggregate loads them.
     */
    static final class PostgresEventStorage extends JpaEventStorageEngine {

        private final ThreadLocal<List<DomainEventEntry>> appending = new ThreadLocal<>();
        private final PersonalFields personalFields;
        private final TransactionManager transactions;

        PostgresEventStorage(PersonalFields personalFields, TransactionManager transactions, Builder builder) {
            super(builder);
            this.personalFields = personalFields;
            this.transactions = transactions;
        }

        /** Read whole (an aggregate's events since its snapshot), so that one statement finds all their keys. */
        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            var stream = super.readEvents(aggregateIdentifier, firstSequenceNumber);
            var events = new ArrayList<DomainEventMessage<?>>();
            stream.forEachRemaining(events::add);
            for (var event : events) {
                if (event.getPayload() instanceof UnknownSerializedType unknown) {
                    throw unreadable(aggregateIdentifier, unknown.serializedType().getName());
                }
            }
            var last = stream.getLastSequenceNumber();
            var opened = transactions.fetchInTransaction(() -> entityManager().unwrap(Session.class)
                    .doReturningWork(connection -> personalFields.open(connection, events)));
            return DomainEventStream.of(opened.stream(), () -> last);
        }

        private static UnreadableHistoryException unreadable(String conferenceId, String wireName) {
            try {
                Upcasters.EVENTFOLD.resolve(wireName);
                return new UnreadableHistoryException(conferenceId, wireName + " has no class here");
            } catch (UnknownEventVersionException e) {
                return new UnreadableHistoryException(conferenceId, e.getMessage());
            }
        }

        @Override
        protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
            if (token != null && !token.getGaps().isEmpty()) {
                // Local to the fetch's own transaction: every other statement keeps its cached plans.
                entityManager().createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)")
                        .getSingleResult();
            }
            return super.fetchEvents(token);
        }

        @Override
        protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
            var entries = new ArrayList<DomainEventEntry>(events.size());
            var sealed = entityManager().unwrap(Session.class)
                    .doReturningWork(connection -> personalFields.seal(connection, events));
            appending.set(entries);
            try {
                super.appendEvents(sealed, serializer);
            } finally {
                appending.remove();
            }
            if (!entries.isEmpty() && CurrentUnitOfWork.isStarted()) {
                // Persisted and flushed: the sequence gave each entry its global index (its JPA id).
                var ids = entityManager().getEntityManagerFactory().getPersistenceUnitUtil();
                var stored = entries.stream().map(entry -> new CommittedPositions.Stored(
                        entry.getAggregateIdentifier(), entry.getSequenceNumber(), (Long) ids.getIdentifier(entry)))
                        .toList();
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> CommittedPositions.remember(stored));
            }
        }

        @Override
        protected Object createEventEntity(EventMessage<?> event, Serializer serializer) {
            var entity = super.createEventEntity(event, serializer);
            var entries = appending.get();
            if (entries != null && entity instanceof DomainEventEntry entry) {
                entries.add(entry);
            }
            return entity;
        }
    }
}
