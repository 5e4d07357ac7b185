package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.EventTypes;
import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.Role;
import io.eventfold.e2e.EventFoldSystem.Service;
import io.eventfold.infra.HttpJson;
import io.eventfold.infra.TestInfrastructure;
import io.eventfold.messaging.EventHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the relay would never publish, written straight onto the topic so that the command API's validation
 * is bypassed, while writers keep registering people: events the database refuses (a NUL in a name, a date
 * beyond PostgreSQL's range), and one conference's events out of order and twice. The refused events are
 * parked with the database's message and reported, every other conference keeps flowing, the reordered one ends
 * as the fold of its events counted once, and every dashboard and count equals the classic computation.
 */
class InjectedOnTopicIT extends FullSystemIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void poison_is_parked_and_reordered_or_repeated_events_count_once_while_everything_else_flows()
            throws Exception {
        var writers = new RegistrationWriters(oracle, () -> List.of(system.url(Service.COMMAND)), "topic", 2);
        var reordered = "reordered-" + UUID.randomUUID();
        try (var topic = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                TestInfrastructure.get().bootstrapServers(), "acks", "all"), new StringSerializer(),
                new ByteArraySerializer())) {
            injectPoison(topic);
            injectOutOfOrder(topic, reordered);
        }
        Thread.sleep(3000);
        writers.stop();

        writers.assertNothingLostOrDoubled(system.databaseUrl());
        oracle.awaitDashboard(reordered, 4, Duration.ofSeconds(60));
        oracle.assertDashboard(reordered, 4);
        writers.assertReadModelEqualsOracle(Duration.ofSeconds(60));

        var parked = admin("/admin/dead-letters").json();
        assertThat(reasonsOf(parked, "poison-nul")).first().asString().contains("0x00");
        assertThat(reasonsOf(parked, "poison-date")).first().asString().containsIgnoringCase("range");
        assertThat(reasonsOf(parked, reordered)).as("healed gaps leave nothing parked").isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var dashboard = dashboardStatus();
            assertThat(dashboard.get("parkedConferences").asLong()).isEqualTo(2);
            assertThat(dashboard.get("lagEvents").asLong()).as("parked events are not applied").isEqualTo(3);
        });
    }

    /** Refused by the dashboard's table; the status counts store neither name nor dates, so they count both. */
    private static void injectPoison(KafkaProducer<String, byte[]> topic) {
        var start = LocalDate.of(2027, 5, 1);
        send(topic, new ConferenceScheduled("poison-nul", "org-0", "Bad\u0000name", start, start, 10, AT), 0);
        send(topic, new PersonRegistered("poison-nul", "p-1", "u-1", "Ann", "ann@example.com", Role.ATTENDEE, AT),
                1);
        send(topic, new ConferenceScheduled("poison-date", "org-1", "Far", LocalDate.of(5_874_898, 1, 1),
                LocalDate.of(5_874_898, 1, 2), 10, AT), 0);
        // What the classic application could store of them: their organization and status are all that is counted.
        oracle.reference().scheduleEvent("poison-nul", "org-0", "Bad name", start, start, 10);
        oracle.reference().scheduleEvent("poison-date", "org-1", "Far", start, start, 10);
    }

    /** Versions 0..4 delivered as 0, 2, 4, 1, 1, 3, 2, 0: early ones wait, repeated ones count once. */
    private static void injectOutOfOrder(KafkaProducer<String, byte[]> topic, String id) {
        var start = LocalDate.of(2027, 6, 1);
        var history = new ArrayList<ProducerRecord<String, byte[]>>();
        history.add(record(new ConferenceScheduled(id, "org-2", "Reordered", start, start, 10, AT), 0));
        history.add(record(new ConferenceStatusChanged(id, ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED, AT), 1));
        for (int r = 1; r <= 3; r++) {
            history.add(record(new PersonRegistered(id, "reg-" + r, "u-" + r, "Person " + r,
                    "p" + r + "@example.com", Role.ATTENDEE, AT.plusSeconds(r)), 1 + r));
        }
        for (int version : new int[] {0, 2, 4, 1, 1, 3, 2, 0}) {
            send(topic, history.get(version));
        }
        oracle.reference().scheduleEvent(id, "org-2", "Reordered", start, start, 10);
        oracle.reference().changeStatus(id, "PUBLISHED");
        for (int r = 1; r <= 3; r++) {
            oracle.reference().register(id, "reg-" + r, "u-" + r, "Person " + r, "p" + r + "@example.com",
                    "ATTENDEE");
        }
    }

    private static ProducerRecord<String, byte[]> record(ConferenceEvent event, long version) {
        var headers = new EventHeaders(EventTypes.wireNameOf(event.getClass()).orElseThrow(),
                UUID.randomUUID().toString(), event.eventId(), version, 0, AT);
        return new ProducerRecord<>(system.topic(), null, event.eventId(), JSON.writeValueAsBytes(event),
                headers.toKafka());
    }

    private static void send(KafkaProducer<String, byte[]> topic, ConferenceEvent event, long version) {
        send(topic, record(event, version));
    }

    private static void send(KafkaProducer<String, byte[]> topic, ProducerRecord<String, byte[]> record) {
        try {
            topic.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> reasonsOf(JsonNode letters, String conference) {
        var reasons = new ArrayList<String>();
        letters.forEach(letter -> {
            if (conference.equals(letter.get("conferenceId").asString())
                    && "dashboard".equals(letter.get("projection").asString())) {
                reasons.add(letter.get("reason").asString());
            }
        });
        return reasons;
    }

    private static JsonNode dashboardStatus() {
        for (var projection : admin("/admin/projections").json()) {
            if ("dashboard".equals(projection.get("name").asString())) {
                return projection;
            }
        }
        throw new AssertionError("No dashboard projection in /admin/projections");
    }

    private static HttpJson.Response admin(String path) {
        return new Operator(system).admin("GET", path);
    }
}
