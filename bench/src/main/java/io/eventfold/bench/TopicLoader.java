package io.eventfold.bench;

import io.eventfold.contracts.EventTypes;
import io.eventfold.messaging.EventHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Publishes events to a topic exactly as the relay does: keyed by conference, with the relay's headers. */
final class TopicLoader implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String topic;

    TopicLoader(String bootstrapServers, String topic, int partitions) {
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                    .configs(Map.of("retention.ms", "-1")))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topic " + topic, e.getCause());
        }
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "linger.ms", 20, "batch.size", 262_144), new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    void send(EventSink.Stored stored) {
        var event = stored.event();
        var headers = new EventHeaders(EventTypes.wireNameOf(event.getClass()).orElseThrow(),
                UUID.randomUUID().toString(), event.eventId(), stored.version(), stored.position(),
                Instant.now());
        producer.send(new ProducerRecord<>(topic, null, event.eventId(), json.writeValueAsBytes(event),
                headers.toKafka()));
    }

    @Override
    public void close() {
        producer.flush();
        producer.close();
    }
}
