package io.eventfold.e2e;

import io.eventfold.infra.TestInfrastructure;
import io.eventfold.messaging.EventHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the events of a whole topic (watermarks left out), every partition from its start to its end. */
final class TopicReader {

    record Received(String key, int partition, long offset, EventHeaders headers, byte[] value) {
    }

    private TopicReader() {
    }

    static List<Received> readAll(String topic) {
        var config = Map.<String, Object>of("bootstrap.servers", TestInfrastructure.get().bootstrapServers());
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            var received = new ArrayList<Received>();
            var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end");
                }
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (EventHeaders.watermarkOf(r.headers()).isEmpty()) {
                        received.add(new Received(r.key(), r.partition(), r.offset(),
                                EventHeaders.fromKafka(r.headers()), r.value()));
                    }
                }
            }
            return received;
        }
    }
}
