package io.eventfold.command.relay;

import io.eventfold.messaging.EventHeaders;
import io.eventfold.messaging.TopicProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes stored events to Kafka. It is a tracking event processor over the event store, so it only ever
 * sees committed events (no dual write), in global order. Sends of one batch go out asynchronously and are
 * awaited before the processor commits its token in PostgreSQL: a crash before that point replays the batch
 * (at least once), never skips it.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    static final String PROCESSING_GROUP = "kafka-relay";
    /**
     * How long the batch's transaction may sit idle, in place of the writers' limit: the processor stores its
     * token (an UPDATE) before the batch, then the relay waits for Kafka, up to {@link Watermarks#KAFKA_WAIT}
     * for the events and as long for the watermarks, after sends that may block for metadata.
     */
    static final Duration BATCH_IDLE_LIMIT = Watermarks.KAFKA_WAIT.multipliedBy(4);
    private static final String BATCH = KafkaRelay.class.getName() + ".batch";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Serializer serializer;
    private final String topic;
    private final Watermarks watermarks;
    private final EntityManagerProvider entities;

    KafkaRelay(KafkaTemplate<String, byte[]> kafka, Serializer serializer, TopicProperties topic,
               Watermarks watermarks, EntityManagerProvider entities) {
        this.kafka = kafka;
        this.serializer = serializer;
        this.topic = topic.name();
        this.watermarks = watermarks;
        this.entities = entities;
    }

    /**
     * Takes the message, not its payload: the payload is then never deserialized, and {@code serializePayload}
     * hands back the stored bytes as they are (same serializer) instead of writing them again.
     */
    @EventHandler(payloadType = Object.class)
    void relay(DomainEventMessage<?> event, TrackingToken token) {
        var batch = batch();
        var serialized = event.serializePayload(serializer, byte[].class);
        var headers = new EventHeaders(serialized.getType().getName(), event.getIdentifier(),
                event.getAggregateIdentifier(), event.getSequenceNumber(),
                token.position().orElseThrow(() -> new IllegalStateException("Token without position: " + token)),
                event.getTimestamp());
        var record = new ProducerRecord<>(topic, null, event.getAggregateIdentifier(), serialized.getData(),
                headers.toKafka());
        batch.sends.add(kafka.send(record));
        batch.lastToken = token;
    }

    private Batch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            allowIdleBatch();
            var batch = new Batch();
            root.onPrepareCommit(unitOfWork -> {
                Watermarks.awaitAll(batch.sends);
                // After the batch is acknowledged: every event up to here is on the topic.
                watermarks.publish(watermarks.completeUpTo(batch.lastToken));
            });
            return batch;
        });
    }

    /** Local to the batch's transaction, the one that holds the token's UPDATE; other sessions keep theirs. */
    private void allowIdleBatch() {
        entities.getEntityManager()
                .createNativeQuery("select set_config('idle_in_transaction_session_timeout', :limit, true)")
                .setParameter("limit", BATCH_IDLE_LIMIT.toMillis() + "ms")
                .getSingleResult();
    }

    private static final class Batch {

        final List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        TrackingToken lastToken;
    }
}
