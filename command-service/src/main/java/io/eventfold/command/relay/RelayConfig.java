package io.eventfold.command.relay;

import io.eventfold.messaging.EventTopic;
import io.eventfold.messaging.TopicProperties;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({RelayProperties.class, RelayHealthProperties.class, WriterTimeouts.class})
class RelayConfig {

    /** Axon's JPA event store removes a gap once the event after it is older than this (its default). */
    static final Duration AXON_GAP_TIMEOUT = Duration.ofMinutes(1);

    /**
     * The gap window counts on bounded writers: refused at start-up unless every writer is bounded and the
     * window is longer than the bound. Axon's own gap cleaning counts on twice the bound being below its timeout.
     */
    @Bean
    GapClock gapClock(RelayProperties relay, WriterTimeouts writers) {
        if (!positive(writers.statementTimeout()) || !positive(writers.idleInTransactionTimeout())) {
            throw new IllegalStateException("eventfold.db.statement-timeout (" + writers.statementTimeout()
                    + ") and eventfold.db.idle-in-transaction-timeout (" + writers.idleInTransactionTimeout()
                    + ") must both be positive: the relay's gap window counts on every writer being bounded");
        }
        if (relay.gapWindow().compareTo(writers.writerBound()) <= 0) {
            throw new IllegalStateException("eventfold.relay.gap-window (" + relay.gapWindow()
                    + ") must be longer than a writer may hold a position, eventfold.db.statement-timeout"
                    + " + eventfold.db.idle-in-transaction-timeout (" + writers.writerBound() + ")");
        }
        if (writers.writerBound().multipliedBy(2).compareTo(AXON_GAP_TIMEOUT) >= 0) {
            throw new IllegalStateException("eventfold.db.statement-timeout + eventfold.db."
                    + "idle-in-transaction-timeout (" + writers.writerBound() + ") must be below half of Axon's"
                    + " gap timeout (" + AXON_GAP_TIMEOUT + "): past it, Axon drops gaps a writer may still fill");
        }
        return new GapClock(relay.gapWindow());
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    /**
     * Flyway migrates over connections of its own, without the writers' timeouts (a migration may take long):
     * a setting changed on a pooled connection would stay with it after the migration.
     */
    @Bean
    FlywayConfigurationCustomizer migrationsWithoutWriterTimeouts(DataSource dataSource) {
        return flyway -> {
            if (flyway.getDataSource() == dataSource) {
                flyway.dataSource(DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class)
                        .build());
            }
        };
    }

    /** Created if missing; a topic with another partition count than configured stops the start-up. */
    @Bean
    EventTopic eventTopic(KafkaAdmin admin, TopicProperties topic) {
        return EventTopic.ensure(admin.getConfigurationProperties(), topic);
    }

    /** Fetches the topic's metadata at start-up, so that the first command is not also the slowest. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUpProducer(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        context.getBean(KafkaTemplate.class).partitionsFor(context.getBean(TopicProperties.class).name());
    }

    /** A failed publication must stop the relay and be retried, never logged and skipped. */
    @Autowired
    void propagateRelayErrors(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
