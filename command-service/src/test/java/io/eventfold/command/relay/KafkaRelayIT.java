package io.eventfold.command.relay;

import static io.eventfold.command.conference.ConferenceFixtures.registerJson;
import static io.eventfold.command.conference.ConferenceFixtures.scheduleJson;
import static io.eventfold.command.conference.ConferenceFixtures.statusJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import io.eventfold.messaging.EventHeaders;
import io.eventfold.messaging.TopicProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

@RelayTest
class KafkaRelayIT {

    static final Duration WINDOW = Duration.ofMillis(RelayTest.GAP_WINDOW_MILLIS);

    @LocalServerPort
    int port;
    @Autowired
    TopicProperties topic;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void stored_events_reach_the_topic_keyed_by_conference_in_version_order_with_headers() {
        var api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        var id = "relay-" + UUID.randomUUID();
        api.post("/api/events", scheduleJson(id, 10));
        api.post("/api/events/" + id + "/status", statusJson("PUBLISHED"));
        var registered = api.post("/api/events/" + id + "/registrations", registerJson("r-1", "u-1", "ATTENDEE"))
                .json();

        var records = readTopic(id, 3);

        assertThat(records).extracting(ConsumerRecord::key).containsOnly(id);
        var headers = records.stream().map(r -> EventHeaders.fromKafka(r.headers())).toList();
        assertThat(headers).extracting(EventHeaders::eventType).containsExactly(
                "conference.event-scheduled.v1", "conference.status-changed.v1", "registration.person-registered.v2");
        assertThat(headers).extracting(EventHeaders::aggregateVersion).containsExactly(0L, 1L, 2L);
        assertThat(headers).extracting(EventHeaders::aggregateId).containsOnly(id);
        assertThat(headers.get(2).globalPosition()).isEqualTo(registered.get("position").asLong());
        assertThat(headers).extracting(EventHeaders::messageId).doesNotHaveDuplicates();
        assertThat(new String(records.get(2).value())).contains("\"registrationId\":\"r-1\"", "\"role\":\"ATTENDEE\"")
                .as("personal fields travel sealed").contains("\"sealed\"")
                .doesNotContain("u-1@example.com", "Person u-1");
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyElementsOf(storedPayloads(id));
    }

    @Test
    void a_watermark_never_passes_a_position_whose_transaction_may_still_commit() {
        var api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        var id = "relay-gap-" + UUID.randomUUID();
        long held = jdbc.sql("select nextval('domain_event_entry_seq')").query(Long.class).single();

        var scheduled = api.post("/api/events", scheduleJson(id, 10)).json();

        long position = scheduled.get("position").asLong();
        assertThat(position).isGreaterThan(held);
        var event = readTopic(id, 1).get(0);
        assertThat(firstWatermarkAfter(event)).isLessThan(held);
    }

    @Test
    void a_number_never_committed_stops_holding_the_watermarks_after_the_window_without_further_traffic() {
        var api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        var id = "relay-burnt-" + UUID.randomUUID();
        long burnt = jdbc.sql("select nextval('domain_event_entry_seq')").query(Long.class).single();

        long position = api.post("/api/events", scheduleJson(id, 10)).json().get("position").asLong();

        assertThat(position).isGreaterThan(burnt);
        var event = readTopic(id, 1).get(0);
        assertThat(watermarkReaching(event, position, WINDOW.plusSeconds(5)))
                .as("a watermark past the burnt number, from the stored token alone").isGreaterThanOrEqualTo(position);
    }

    @Test
    void an_event_committed_late_inside_the_window_reaches_the_topic_before_any_watermark_above_it()
            throws Exception {
        var api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        var model = scheduled(api, "relay-model-");
        var heldId = "relay-held-" + UUID.randomUUID();
        var id = "relay-after-held-" + UUID.randomUUID();
        long held;
        long position;
        try (var writer = plainConnection()) {
            held = insertCopy(writer, model, heldId);
            position = api.post("/api/events", scheduleJson(id, 10)).json().get("position").asLong();
            Thread.sleep(1000);
            writer.commit();
        }

        assertThat(position).isGreaterThan(held);
        var heldEvent = readTopic(heldId, 1).get(0);
        assertThat(watermarksBefore(heldEvent)).allSatisfy(w -> assertThat(w).isLessThan(held));
        assertThat(watermarkReaching(heldEvent, position, WINDOW.plusSeconds(5))).isGreaterThanOrEqualTo(position);
    }

    /**
     * The relay waits (as for a slow Kafka) longer than the window on the late event, and longer than a
     * writer may idle: the watermarks still wait for that event, and the relay's transaction is not ended.
     */
    @Test
    void an_event_committed_late_but_relayed_after_the_window_still_comes_before_any_watermark_above_it()
            throws Exception {
        var api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        var model = scheduled(api, "relay-model-");
        var heldId = "relay-held-slow-" + UUID.randomUUID();
        var id = "relay-after-slow-" + UUID.randomUUID();
        SlowSends.delayFirstSendOf(heldId, WINDOW.plusSeconds(1));
        long held;
        long position;
        try (var writer = plainConnection()) {
            held = insertCopy(writer, model, heldId);
            position = api.post("/api/events", scheduleJson(id, 10)).json().get("position").asLong();
            Thread.sleep(500);
            writer.commit();
        }

        var heldEvent = readTopic(heldId, 1).get(0);
        assertThat(watermarksBefore(heldEvent)).allSatisfy(w -> assertThat(w).isLessThan(held));
        assertThat(watermarkReaching(heldEvent, position, WINDOW.plusSeconds(5))).isGreaterThanOrEqualTo(position);
        // Had the relay's transaction been ended, its batch would be retried before this next event is relayed.
        readTopic(scheduled(api, "relay-next-"), 1);
        assertThat(recordsUpToEnd(heldEvent)).filteredOn(r -> heldId.equals(r.key()))
                .extracting(ConsumerRecord::offset).as("sent once").hasSize(1);
    }

    private String scheduled(HttpJson api, String prefix) {
        var id = prefix + UUID.randomUUID();
        assertThat(api.post("/api/events", scheduleJson(id, 10)).status()).isEqualTo(201);
        return id;
    }

    /** Outside the service's pool, so without its timeouts: the test decides how long this writer runs. */
    private Connection plainConnection() throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", environment.getProperty("spring.datasource.username"));
        properties.setProperty("password", environment.getProperty("spring.datasource.password", ""));
        var connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"), properties);
        connection.setAutoCommit(false);
        return connection;
    }

    /** A stored event of another conference, again under a new conference id: the relay forwards its bytes. */
    private static long insertCopy(Connection writer, String model, String aggregateId) throws SQLException {
        try (var insert = writer.prepareStatement("""
                insert into event_store.domain_event_entry (sequence_number, meta_data, payload,
                    aggregate_identifier, event_identifier, payload_revision, payload_type, time_stamp, type)
                select 0, meta_data, payload, ?, ?, payload_revision, payload_type, time_stamp, type
                from event_store.domain_event_entry where aggregate_identifier = ? and sequence_number = 0
                returning global_index""")) {
            insert.setString(1, aggregateId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, model);
            try (var inserted = insert.executeQuery()) {
                assertThat(inserted.next()).isTrue();
                return inserted.getLong(1);
            }
        }
    }

    /** The watermarks on the record's partition before it. */
    private List<Long> watermarksBefore(ConsumerRecord<String, byte[]> record) {
        var watermarks = new ArrayList<Long>();
        for (var r : partitionOf(record, 0, record.offset())) {
            EventHeaders.watermarkOf(r.headers()).ifPresent(watermarks::add);
        }
        return watermarks;
    }

    private List<ConsumerRecord<String, byte[]>> recordsUpToEnd(ConsumerRecord<String, byte[]> record) {
        var config = Map.<String, Object>of("bootstrap.servers", bootstrapServers);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(record.topic(), record.partition());
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            return partitionOf(record, 0, end);
        }
    }

    /** The records of the given record's partition from offset {@code from} up to, not including, {@code to}. */
    private List<ConsumerRecord<String, byte[]>> partitionOf(ConsumerRecord<String, byte[]> record, long from,
                                                             long to) {
        var config = Map.<String, Object>of("bootstrap.servers", bootstrapServers);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(record.topic(), record.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            var records = new ArrayList<ConsumerRecord<String, byte[]>>();
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < to && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < to) {
                        records.add(r);
                    }
                }
            }
            assertThat(consumer.position(partition)).as("read up to offset " + to).isGreaterThanOrEqualTo(to);
            return records;
        }
    }

    /** The first watermark at or above {@code position} on the record's partition after it. */
    private long watermarkReaching(ConsumerRecord<String, byte[]> event, long position, Duration within) {
        var config = Map.<String, Object>of("bootstrap.servers", bootstrapServers);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(event.topic(), event.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, event.offset() + 1);
            var deadline = System.nanoTime() + within.toNanos();
            long highest = -1;
            while (System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    var watermark = EventHeaders.watermarkOf(r.headers());
                    if (watermark.isPresent() && watermark.getAsLong() >= position) {
                        return watermark.getAsLong();
                    }
                    highest = Math.max(highest, watermark.orElse(-1));
                }
            }
            throw new AssertionError("No watermark reached " + position + " within " + within
                    + " after " + event + "; highest " + highest);
        }
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
