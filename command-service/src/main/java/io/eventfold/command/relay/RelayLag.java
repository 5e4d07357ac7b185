package io.eventfold.command.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How far the relay is behind the event store: the events stored after its committed token and the age of the
 * oldest of them. Read from the database, so every instance answers alike, whichever one holds the relay; the
 * token is committed only once Kafka acknowledged its batch, so a relay stuck on a send counts as behind.
 */
@Component
class RelayLag {

    /** Health checks and scrapes close together share one reading. */
    private static final long REUSE_MILLIS = 1000;

    record Reading(long events, Duration oldestWaiting, long readAt) {
    }

    private final EntityManagerProvider entities;
    private final Serializer tokenSerializer;
    private final TransactionTemplate readOnly;
    private volatile Reading last = new Reading(0, Duration.ZERO, 0);

    /** {@code serializer}: the one Axon's JPA token store is built with, as for {@link WatermarkTicker}. */
    RelayLag(EntityManagerProvider entities, Serializer serializer, PlatformTransactionManager transactions,
             MeterRegistry registry) {
        this.entities = entities;
        this.tokenSerializer = serializer;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        Gauge.builder("eventfold.relay.lag.events", this, r -> r.read().events())
                .description("Events stored but not yet acknowledged on the topic").register(registry);
        Gauge.builder("eventfold.relay.lag.seconds", this, r -> r.read().oldestWaiting().toMillis() / 1000.0)
                .description("Age of the oldest stored event not yet on the topic; 0 when none waits")
                .register(registry);
    }

    Reading read() {
        var reading = last;
        long now = System.currentTimeMillis();
        if (now - reading.readAt() < REUSE_MILLIS) {
            return reading;
        }
        reading = readOnly.execute(status -> {
            var entityManager = entities.getEntityManager();
            var token = WatermarkTicker.storedToken(entityManager, tokenSerializer);
            long relayed = token == null ? -1 : token.position().orElse(-1);
            var row = (Object[]) entityManager.createNativeQuery("""
                            select count(*), min(time_stamp) from domain_event_entry where global_index > :relayed""")
                    .setParameter("relayed", relayed).getSingleResult();
            long events = ((Number) row[0]).longValue();
            var oldest = row[1] == null ? Duration.ZERO
                    : Duration.between(Instant.parse((String) row[1]), Instant.ofEpochMilli(now));
            return new Reading(events, oldest.isNegative() ? Duration.ZERO : oldest, now);
        });
        last = reading;
        return reading;
    }
}
