package io.eventfold.command.relay;

import io.eventfold.messaging.EventHeaders;
import io.eventfold.messaging.TopicProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Watermark records: a position up to which every event is on the topic, sent to every partition. Sent by the
 * relay after each batch, and by {@link WatermarkTicker} when time alone moved it (a gap grew old).
 */
@Component
class Watermarks {

    /** How long the relay waits for Kafka's acknowledgements, of a batch and of its watermarks each. */
    static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final GapClock gaps;
    private final EntityManagerProvider entities;
    private final AtomicLong sent = new AtomicLong(-1);

    Watermarks(KafkaTemplate<String, byte[]> kafka, TopicProperties topic, GapClock gaps,
               EntityManagerProvider entities) {
        this.kafka = kafka;
        this.topic = topic.name();
        this.gaps = gaps;
        this.entities = entities;
    }

    /** Up to where this token's events are complete; in a transaction (it may read the event store). */
    long completeUpTo(TrackingToken token) {
        return gaps.completeUpTo(token, System.nanoTime(), this::stored);
    }

    /** Sends the watermark to every partition and awaits the acknowledgements. */
    void publish(long position) {
        awaitAll(send(position));
        sent.accumulateAndGet(position, Math::max);
    }

    /** Publishes the watermark unless one at least as high was already acknowledged. */
    boolean publishIfAhead(long position) {
        if (position <= sent.get()) {
            return false;
        }
        publish(position);
        return true;
    }

    /**
     * Not sent along with the batch: the idempotent producer renumbers and writes the batches behind one that
     * failed for good, so a watermark could land on a partition that misses an event below it.
     */
    private List<CompletableFuture<SendResult<String, byte[]>>> send(long position) {
        var sends = new ArrayList<CompletableFuture<SendResult<String, byte[]>>>();
        for (var partition : kafka.partitionsFor(topic)) {
            sends.add(kafka.send(new ProducerRecord<String, byte[]>(topic, partition.partition(), null, null,
                    EventHeaders.watermark(position))));
        }
        return sends;
    }

    @SuppressWarnings("unchecked")
    private Collection<Long> stored(List<Long> positions) {
        return entities.getEntityManager()
                .createNativeQuery("select global_index from domain_event_entry where global_index in (:positions)",
                        Long.class)
                .setParameter("positions", positions)
                .getResultList();
    }

    static void awaitAll(List<CompletableFuture<SendResult<String, byte[]>>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(KAFKA_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Publishing to Kafka failed", e);
        }
    }
}
