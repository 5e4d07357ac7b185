package io.eventfold.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventHeadersTest {

    @Test
    void headers_survive_the_trip_through_kafka_headers() {
        var sent = new EventHeaders("registration.person-registered.v1", "msg-1", "conf-1", 7, 1234,
                Instant.parse("2026-11-26T10:15:30.123Z"));

        var received = EventHeaders.fromKafka(sent.toKafka());

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void a_missing_header_is_named_in_the_error() {
        var headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_TYPE, "x".getBytes());

        assertThatThrownBy(() -> EventHeaders.fromKafka(headers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EventHeaders.MESSAGE_ID);
    }

    @Test
    void the_type_and_the_watermark_are_read_alone() {
        var event = new EventHeaders("registration.person-registered.v1", "msg-1", "conf-1", 7, 1234,
                Instant.parse("2026-11-26T10:15:30.123Z")).toKafka();
        var untyped = new RecordHeaders();
        untyped.add(EventHeaders.MESSAGE_ID, "msg-2".getBytes());

        assertThat(EventHeaders.typeOf(event)).contains("registration.person-registered.v1");
        assertThat(EventHeaders.typeOf(untyped)).isEmpty();
        assertThat(EventHeaders.typeOf(EventHeaders.watermark(42))).isEmpty();
        assertThat(EventHeaders.watermarkOf(EventHeaders.watermark(42))).hasValue(42);
        assertThat(EventHeaders.watermarkOf(event)).isEmpty();
        assertThat(EventHeaders.positionOf(event)).hasValue(1234);
    }
}
