package io.eventfold.command.relay;

import io.eventfold.messaging.EventHeaders;
import io.eventfold.messaging.TopicProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
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
    private static final String PENDING = KafkaRelay.class.getName() + ".pending";
    private static final String COMPLETE = KafkaRelay.class.getName() + ".complete";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Serializer serializer;
    private final String topic;

    KafkaRelay(KafkaTemplate<String, byte[]> kafka, Serializer serializer, TopicProperties topic) {
        this.kafka = kafka;
        this.serializer = serializer;
        this.topic = topic.name();
    }

    /**
     * Takes the message, not its payload: the payload is then never deserialized, and {@code serializePayload}
     * hands back the stored bytes as they are (same serializer) instead of writing them again.
     */
    @EventHandler(payloadType = Object.class)
    void relay(DomainEventMessage<?> event, TrackingToken token) {
        var serialized = event.serializePayload(serializer, byte[].class);
        var headers = new EventHeaders(serialized.getType().getName(), event.getIdentifier(),
                event.getAggregateIdentifier(), event.getSequenceNumber(),
                token.position().orElseThrow(() -> new IllegalStateException("Token without position: " + token)),
                event.getTimestamp());
        var record = new ProducerRecord<>(topic, null, event.getAggregateIdentifier(), serialized.getData(),
                headers.toKafka());
        pendingSends().add(kafka.send(record));
        CurrentUnitOfWork.get().root().resources().merge(COMPLETE, completeUpTo(token),
                (a, b) -> Math.max((Long) a, (Long) b));
    }

    /**
     * The position up to which every event is on the topic once this batch is: below the token's oldest gap.
     * Positions come from a sequence before commit, so a transaction holding a lower position than this event
     * may still commit; the processor tracks that position as a gap until it does (or Axon gives up on it).
     */
    static long completeUpTo(TrackingToken token) {
        var bound = WrappedToken.unwrapLowerBound(token);
        if (bound instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
            return gapAware.getGaps().first() - 1;
        }
        return bound.position().orElseThrow(() -> new IllegalStateException("Token without position: " + token));
    }

    private List<CompletableFuture<SendResult<String, byte[]>>> pendingSends() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            var pending = new ArrayList<CompletableFuture<SendResult<String, byte[]>>>();
            root.onPrepareCommit(unitOfWork -> {
                awaitAll(pending);
                awaitAll(sendWatermarks((Long) unitOfWork.getResource(COMPLETE)));
            });
            return pending;
        });
    }

    /**
     * After the batch is acknowledged: tell every partition that all events up to here are on the topic. Not sent
     * along with the batch: the idempotent producer renumbers and writes the batches behind one that failed for
     * good, so a watermark could land on a partition that misses an event below it.
     */
    private List<CompletableFuture<SendResult<String, byte[]>>> sendWatermarks(long position) {
        var sends = new ArrayList<CompletableFuture<SendResult<String, byte[]>>>();
        for (var partition : kafka.partitionsFor(topic)) {
            sends.add(kafka.send(new ProducerRecord<String, byte[]>(topic, partition.partition(), null, null,
                    EventHeaders.watermark(position))));
        }
        return sends;
    }

    private static void awaitAll(List<CompletableFuture<SendResult<String, byte[]>>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Publishing to Kafka failed; the batch will be retried", e);
        }
    }
}
