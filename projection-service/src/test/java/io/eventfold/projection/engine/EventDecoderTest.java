package io.eventfold.projection.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.contracts.EventTypes;
import io.eventfold.contracts.Sealed;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SpeakerAssigned;
import io.eventfold.messaging.EventHeaders;
import io.eventfold.messaging.upcast.Upcasters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventDecoderTest {

    private final EventDecoder decoder = new EventDecoder(
            JsonMapper.builder().addModule(new InstantJson().fastInstants()).build());

    @Test
    void reads_instants_exactly() {
        var json = registration("2027-03-01T09:30:00.123456Z");

        var envelope = decoder.decode(record(json));

        assertThat(envelope.event()).isEqualTo(new PersonRegistered("conf-1", "reg-1", "user-1", "Ada", "ada@x.org",
                Role.ATTENDEE, Instant.parse("2027-03-01T09:30:00.123456Z")));
        assertThat(envelope.headers().timestamp()).isEqualTo(Instant.parse("2026-11-26T10:15:30.5Z"));
    }

    @Test
    void an_impossible_instant_makes_the_event_unreadable_and_says_which_value() {
        var envelope = decoder.decode(record(registration("2027-02-30T09:30:00Z")));

        assertThat(envelope.isDecoded()).isFalse();
        assertThat(envelope.problem()).startsWith("Unreadable registration.person-registered.v1")
                .contains("2027-02-30T09:30:00Z");
        // Parked as it came: exactly the record's value, not the fetch around it.
        assertThat(envelope.payloadBytes())
                .isEqualTo(registration("2027-02-30T09:30:00Z").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void an_event_record_without_a_value_is_unreadable_and_says_so() {
        var record = new ConsumerRecord<String, ByteBuffer>("events", 0, 7L, "conf-1", null);
        record(registration("2027-03-01T09:30:00Z")).headers().forEach(record.headers()::add);

        var envelope = decoder.decode(record);

        assertThat(envelope.isDecoded()).isFalse();
        assertThat(envelope.problem()).isEqualTo("No value: a registration.person-registered.v1 without its body");
        assertThat(envelope.payloadBytes()).isNull();
    }

    @Test
    void an_event_type_nobody_registered_is_unreadable_and_named() {
        var envelope = decoder.decode(record(registration("2027-03-01T09:30:00Z"), "registration.person-renamed.v9"));

        assertThat(envelope.isDecoded()).isFalse();
        assertThat(envelope.problem()).isEqualTo("Unknown event type registration.person-renamed.v9: no such event");
    }

    @Test
    void a_version_1_record_reads_as_the_current_event_in_clear() {
        var envelope = decoder.decode(record("""
                {"eventId":"conf-1","sessionId":"s-1","userId":"ada","name":"Ada","bio":null,"company":"ACME"}""",
                "session.speaker-assigned.v1"));

        assertThat(envelope.event()).isEqualTo(new SpeakerAssigned("conf-1", "s-1", "ada", "Ada", null, "ACME"));
        assertThat(envelope.eventType()).as("kept as stored, to be read the same way when retried")
                .isEqualTo("session.speaker-assigned.v1");
    }

    @Test
    void a_version_2_record_keeps_its_seal_for_the_engine_to_open() {
        var envelope = decoder.decode(record("""
                {"eventId":"conf-1","registrationId":"reg-1","userId":"ada","name":null,"email":null,
                 "role":"ATTENDEE","registeredAt":"2027-03-01T09:30:00Z","sealed":{"key":"k-1","data":"AAEC"}}""",
                "registration.person-registered.v2"));

        assertThat(envelope.event()).isEqualTo(new PersonRegistered("conf-1", "reg-1", "ada", null, null,
                Role.ATTENDEE, Instant.parse("2027-03-01T09:30:00Z"), new Sealed("k-1", "AAEC")));
    }

    @Test
    void a_version_written_by_a_newer_eventfold_is_poison_that_says_so() {
        var envelope = decoder.decode(record(registration("2027-03-01T09:30:00Z"),
                "registration.person-registered.v3"));

        assertThat(envelope.isDecoded()).isFalse();
        assertThat(envelope.problem()).isEqualTo("Unknown event type registration.person-registered.v3: written by "
                + "a newer EventFold: this one reads up to registration.person-registered.v2");
        assertThat(envelope.conferenceId()).isEqualTo("conf-1");
    }

    @Test
    void an_upcaster_that_changes_the_body_is_applied_to_the_older_version_only() {
        var renamed = new Upcasters(EventTypes.all().keySet(), List.of(new Upcasters.Step(
                "registration.person-signed-up.v1", "registration.person-registered.v2",
                json -> new String(json, StandardCharsets.UTF_8).replace("fullName", "name")
                        .getBytes(StandardCharsets.UTF_8))));
        var upcasting = new EventDecoder(JsonMapper.builder().build(), renamed);
        var old = registration("2027-03-01T09:30:00Z").replace("\"name\"", "\"fullName\"");

        var upcast = upcasting.decode(record(old, "registration.person-signed-up.v1"));
        var current = upcasting.decode(record(old, "registration.person-registered.v2"));

        assertThat(((PersonRegistered) upcast.event()).name()).isEqualTo("Ada");
        assertThat(((PersonRegistered) current.event()).name()).as("the current name is read as it is").isNull();
    }

    @Test
    void each_type_is_read_as_its_own_class() {
        var envelope = decoder.decode(record("""
                {"eventId":"conf-1","registrationId":"reg-1","userId":"user-1","role":"ATTENDEE",
                 "cancelledAt":"2027-03-01T09:30:00Z"}""", "registration.registration-cancelled.v1"));

        assertThat(envelope.event()).isEqualTo(new RegistrationCancelled("conf-1", "reg-1", "user-1", Role.ATTENDEE,
                Instant.parse("2027-03-01T09:30:00Z")));
    }

    private static String registration(String registeredAt) {
        return """
                {"eventId":"conf-1","registrationId":"reg-1","userId":"user-1","name":"Ada","email":"ada@x.org",
                 "role":"ATTENDEE","registeredAt":"%s"}""".formatted(registeredAt);
    }

    private static ConsumerRecord<String, ByteBuffer> record(String json) {
        return record(json, "registration.person-registered.v1");
    }

    private static ConsumerRecord<String, ByteBuffer> record(String json, String type) {
        // As Kafka hands values over: a view into the middle of the fetched bytes.
        var fetched = ("}garbage{" + json + "}{garbage").getBytes(StandardCharsets.UTF_8);
        var value = ByteBuffer.wrap(fetched, 9, fetched.length - 18).slice();
        var record = new ConsumerRecord<>("events", 0, 7L, "conf-1", value);
        new EventHeaders(type, "msg-1", "conf-1", 3, 42,
                Instant.parse("2026-11-26T10:15:30.5Z")).toKafka().forEach(record.headers()::add);
        return record;
    }
}
