package io.eventfold.command.axon;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In place of Axon's JPA event store auto-configuration, which steps back when this bean exists. */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfig {

    /** Axon's JPA event store, built as its auto-configuration builds it, with the two changes below. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager) {
        return new PostgresEventStorage(JpaEventStorageEngine.builder()
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
     * And the positions of all appended events go to {@link CommittedPositions} when their transaction commits.
     */
    static final class PostgresEventStorage extends JpaEventStorageEngine {

        private final ThreadLocal<List<DomainEventEntry>> appending = new ThreadLocal<>();

        PostgresEventStorage(Builder builder) {
            super(builder);
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
            appending.set(entries);
            try {
                super.appendEvents(events, serializer);
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
