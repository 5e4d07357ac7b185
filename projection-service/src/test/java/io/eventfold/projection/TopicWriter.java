package io.eventfold.projection;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.EventTypes;
import io.eventfold.messaging.EventHeaders;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Writes records to the event topic as the relay does, including ones the relay never would. */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Long> versions = new HashMap<>();
    private long position;

    public TopicWriter(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** The conference's next event, as the relay would publish it; returns the record for re-sending. */
    public ProducerRecord<String, byte[]> send(ConferenceEvent event) {
        return send(event, versions.merge(event.eventId(), 0L, (old, zero) -> old + 1));
    }

    /** The event as its conference's given version, whatever was sent before: for out-of-order delivery. */
    public ProducerRecord<String, byte[]> send(ConferenceEvent event, long version) {
        var headers = new EventHeaders(EventTypes.wireNameOf(event.getClass()).orElseThrow(),
                UUID.randomUUID().toString(), event.eventId(), version, ++position, Instant.now());
        return send(new ProducerRecord<>(topic, null, event.eventId(), json.writeValueAsBytes(event),
                headers.toKafka()));
    }

    /** A record whose body cannot be read, in the conference's next version. */
    public void sendUnreadable(String conferenceId, String eventType) {
        long version = versions.merge(conferenceId, 0L, (old, zero) -> old + 1);
        Headers headers = new EventHeaders(eventType, UUID.randomUUID().toString(), conferenceId, version,
                ++position, Instant.now()).toKafka();
        send(new ProducerRecord<>(topic, null, conferenceId, "{not json".getBytes(), headers));
    }

    public ProducerRecord<String, byte[]> send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
            return record;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void resend(List<ProducerRecord<String, byte[]>> records) {
        records.forEach(this::send);
    }

    @Override
    public void close() {
        producer.close();
    }
}
