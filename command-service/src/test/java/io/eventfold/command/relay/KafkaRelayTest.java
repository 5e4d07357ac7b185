package io.eventfold.command.relay;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static io.eventfold.command.conference.ConferenceFixtures.scheduleJson;
import static io.eventfold.command.conference.ConferenceFixtures.statusJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.command.CommandServiceTest;
import io.eventfold.infra.HttpJson;
import io.eventfold.messaging.EventHeaders;
import io.eventfold.messaging.TopicProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CommandServiceTest
class KafkaRelayTest {

    @LocalServerPort
    int port;
    @Autowired
    TopicProperties topic;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void stored_events_reach_the_topic_keyed_by_conference_in_version_order_with_headers() {
        var api = new HttpJson("http://localhost:" + port);
        var id = "relay-" + UUID.randomUUID();
        api.post("/api/events", scheduleJson(id, 10));
        api.post("/api/events/" + id + "/status", statusJson("PUBLISHED"));
        var registered = api.post("/api/events/" + id + "/registrations", registerJson("r-1", "u-1", "ATTENDEE"))
                .json();

        var records = readTopic(id, 3);

        assertThat(records).extracting(ConsumerRecord::key).containsOnly(id);
        var headers = records.stream().map(r -> EventHeaders.fromKafka(r.headers())).toList();
        assertThat(headers).extracting(EventHeaders::eventType).containsExactly(
                "conference.event-scheduled.v1", "conference.status-changed.v1", "registration.person-registered.v1");
        assertThat(headers).extracting(EventHeaders::aggregateVersion).containsExactly(0L, 1L, 2L);
        assertThat(headers).extracting(EventHeaders::aggregateId).containsOnly(id);
        assertThat(headers.get(2).globalPosition()).isEqualTo(registered.get("position").asLong());
        assertThat(headers).extracting(EventHeaders::messageId).doesNotHaveDuplicates();
        assertThat(new String(records.get(2).value())).contains("\"registrationId\":\"r-1\"", "\"role\":\"ATTENDEE\"");
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyElementsOf(storedPayloads(id));
    }

    @Test
    void a_watermark_never_passes_a_position_whose_transaction_may_still_commit() {
        var api = new HttpJson("http://localhost:" + port);
        var id = "relay-gap-" + UUID.randomUUID();
        long held = jdbc.sql("select nextval('domain_event_entry_seq')").query(Long.class).single();

        var scheduled = api.post("/api/events", scheduleJson(id, 10)).json();

        long position = scheduled.get("position").asLong();
        assertThat(position).isGreaterThan(held);
        var event = readTopic(id, 1).get(0);
        assertThat(firstWatermarkAfter(event)).isLessThan(held);
    }

    private long firstWatermarkAfter(ConsumerRecord<String, byte[]> event) {
        var config = Map.<String, Object>of("bootstrap.servers", bootstrapServers);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(event.topic(), event.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, event.offset() + 1);
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    var watermark = EventHeaders.watermarkOf(r.headers());
                    if (watermark.isPresent()) {
                        return watermark.getAsLong();
                    }
                }
            }
            throw new AssertionError("No watermark after " + event);
        }
    }

    private List<byte[]> storedPayloads(String aggregateId) {
        return jdbc.sql("""
                        select payload from domain_event_entry where aggregate_identifier = ?
                        order by sequence_number""")
                .param(aggregateId).query(byte[].class).list();
    }

    /** The test context (and its topic) is shared with other test classes: read only our conference. */
    private List<ConsumerRecord<String, byte[]>> readTopic(String key, int expected) {
        var config = Map.<String, Object>of("bootstrap.servers", bootstrapServers, "group.id", "relay-test",
                "auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic.name()));
            var records = new ArrayList<ConsumerRecord<String, byte[]>>();
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        records.add(r);
                    }
                });
            }
            return records;
        }
    }
}
