package io.eventfold.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestInfrastructureIT {

    private final TestInfrastructure infra = TestInfrastructure.get();

    @Test
    void each_new_database_is_a_separate_real_postgresql_database() throws Exception {
        var first = infra.newDatabase();
        var second = infra.newDatabase();

        try (var a = DriverManager.getConnection(first, infra.username(), "");
             var b = DriverManager.getConnection(second, infra.username(), "")) {
            a.createStatement().execute("create table marker (id int)");

            var version = a.createStatement().executeQuery("select version()");
            version.next();
            assertThat(version.getString(1)).startsWith("PostgreSQL");
            var seen = b.createStatement().executeQuery("select count(*) from pg_tables where tablename = 'marker'");
            seen.next();
            assertThat(seen.getInt(1)).isZero();
        }
    }

    @Test
    void the_broker_stores_and_serves_records() throws Exception {
        var topic = infra.newTopic();
        var servers = Map.<String, Object>of("bootstrap.servers", infra.bootstrapServers());
        try (var admin = Admin.create(servers)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<>(servers, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "conference-1", "hello")).get();
        }

        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", infra.bootstrapServers(),
                "group.id", "probe", "auto.offset.reset", "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            var received = new ArrayList<String>();
            var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.key() + "=" + r.value()));
            }
            assertThat(received).containsExactly("conference-1=hello");
        }
    }
}
