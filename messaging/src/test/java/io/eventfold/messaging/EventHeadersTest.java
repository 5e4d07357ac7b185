package io.eventfold.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventHeadersTest {

    private static final EventHeaders SENT = new EventHeaders("registration.person-registered.v1", "msg-1",
            "conf-1", 7, 1234, Instant.parse("2026-11-26T10:15:30.123456789Z"));

    @Test
    void headers_travel_as_one_header_and_come_back_whole() {
        var onTopic = SENT.toKafka();

        assertThat(onTopic.toArray()).extracting(h -> h.key()).containsExactly(EventHeaders.EVENT);
        assertThat(EventHeaders.fromKafka(onTopic)).isEqualTo(SENT);
        assertThat(EventHeaders.typeOf(onTopic)).contains("registration.person-registered.v1");
        assertThat(EventHeaders.positionOf(onTopic)).hasValue(1234);
    }

    @Property(tries = 300)
    void any_texts_numbers_and_instants_survive_the_trip(@ForAll @StringLength(max = 200) String type,
                                                         @ForAll @StringLength(max = 200) String messageId,
                                                         @ForAll @StringLength(max = 200) String aggregateId,
                                                         @ForAll long version, @ForAll long position,
                                                         @ForAll @LongRange(min = -31557014167219200L,
                                                                 max = 31556889864403199L) long seconds,
                                                         @ForAll @LongRange(max = 999_999_999) long nanos) {
        var sent = new EventHeaders(type, messageId, aggregateId, version, position,
                Instant.ofEpochSecond(seconds, nanos));

        assertThat(EventHeaders.fromKafka(sent.toKafka())).isEqualTo(sent);
    }

    @Test
    void a_missing_header_is_named_in_the_error() {
        var headers = new RecordHeaders();
        headers.add("eventfold-event-type", "x".getBytes());

        assertThatThrownBy(() -> EventHeaders.fromKafka(headers))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(EventHeaders.EVENT);
        assertThatThrownBy(() -> EventHeaders.fromKafka(new RecordHeaders()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(EventHeaders.EVENT);
    }

    @Test
    void a_cut_short_or_unknown_header_is_refused_and_says_why() {
        var whole = SENT.toKafka().lastHeader(EventHeaders.EVENT).value();
        var cut = one(Arrays.copyOf(whole, whole.length - 1));
        var longer = one(Arrays.copyOf(whole, whole.length + 1));
        var future = whole.clone();
        future[0] = 2;

        assertThatThrownBy(() -> EventHeaders.fromKafka(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed").hasMessageContaining("ends early");
        assertThatThrownBy(() -> EventHeaders.fromKafka(longer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 bytes left over");
        assertThatThrownBy(() -> EventHeaders.fromKafka(one(future))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown format 2");
        assertThat(EventHeaders.typeOf(one(new byte[] {1, 0}))).isEmpty();
        assertThat(EventHeaders.typeOf(cut)).contains("registration.person-registered.v1");
        assertThat(EventHeaders.typeOf(one(Arrays.copyOf(whole, 32)))).isEmpty();
        assertThat(EventHeaders.typeOf(one(future))).isEmpty();
        assertThat(EventHeaders.positionOf(one(future))).isEmpty();
    }

    @Test
    void the_watermark_is_read_alone() {
        assertThat(EventHeaders.typeOf(EventHeaders.watermark(42))).isEmpty();
        assertThat(EventHeaders.watermarkOf(EventHeaders.watermark(42))).hasValue(42);
        assertThat(EventHeaders.watermarkOf(SENT.toKafka())).isEmpty();
    }

    private static Headers one(byte[] value) {
        var headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT, value);
        return headers;
    }
}
