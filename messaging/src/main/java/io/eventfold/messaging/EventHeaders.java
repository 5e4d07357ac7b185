package io.eventfold.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers every event record carries. The record key is the conference event id and the value is the
 * event's JSON; the headers say what it is and where it stands, so a consumer can route, de-duplicate and
 * order an event without parsing its body.
 */
public record EventHeaders(
        String eventType,
        String messageId,
        String aggregateId,
        long aggregateVersion,
        long globalPosition,
        Instant timestamp) {

    public static final String EVENT_TYPE = "eventfold-event-type";
    public static final String MESSAGE_ID = "eventfold-event-id";
    public static final String AGGREGATE_ID = "eventfold-aggregate-id";
    public static final String AGGREGATE_VERSION = "eventfold-aggregate-version";
    public static final String GLOBAL_POSITION = "eventfold-global-position";
    public static final String TIMESTAMP = "eventfold-timestamp";
    /**
     * Marks a watermark record, which the relay sends to every partition after each published batch: every
     * event at or below this global position is on the topic before it.
     */
    public static final String WATERMARK = "eventfold-watermark";

    public static Headers watermark(long globalPosition) {
        var headers = new RecordHeaders();
        headers.add(WATERMARK, longBytes(globalPosition));
        return headers;
    }

    /**
     * The position of a watermark record; empty for an event record. Cheaper to ask only of records without a
     * value (a watermark has none): for an event, the search from the back decodes every header's name.
     */
    public static OptionalLong watermarkOf(Headers headers) {
        return headers.lastHeader(WATERMARK) == null ? OptionalLong.empty()
                : OptionalLong.of(number(headers, WATERMARK));
    }

    /**
     * The event type alone, without reading the rest: empty when the header is missing. Kafka decodes a header's
     * name when asked for it; the type comes first ({@link #toKafka}), so searching from the front decodes one.
     */
    public static Optional<String> typeOf(Headers headers) {
        for (var header : headers) {
            if (header.key().equals(EVENT_TYPE)) {
                return header.value() == null ? Optional.empty()
                        : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** The global position alone: empty when the header is missing or malformed. */
    public static OptionalLong positionOf(Headers headers) {
        var header = headers.lastHeader(GLOBAL_POSITION);
        return header == null || header.value() == null || header.value().length != Long.BYTES
                ? OptionalLong.empty() : OptionalLong.of(ByteBuffer.wrap(header.value()).getLong());
    }

    public Headers toKafka() {
        var headers = new RecordHeaders();
        headers.add(EVENT_TYPE, utf8(eventType));
        headers.add(MESSAGE_ID, utf8(messageId));
        headers.add(AGGREGATE_ID, utf8(aggregateId));
        headers.add(AGGREGATE_VERSION, longBytes(aggregateVersion));
        headers.add(GLOBAL_POSITION, longBytes(globalPosition));
        headers.add(TIMESTAMP, utf8(IsoInstant.format(timestamp)));
        return headers;
    }

    /** Reads the headers back; a missing or malformed header is an {@link IllegalArgumentException}. */
    public static EventHeaders fromKafka(Headers headers) {
        return new EventHeaders(
                string(headers, EVENT_TYPE),
                string(headers, MESSAGE_ID),
                string(headers, AGGREGATE_ID),
                number(headers, AGGREGATE_VERSION),
                number(headers, GLOBAL_POSITION),
                IsoInstant.parse(string(headers, TIMESTAMP)));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    private static byte[] required(Headers headers, String name) {
        var header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new IllegalArgumentException("Missing header " + name);
        }
        return header.value();
    }

    private static String string(Headers headers, String name) {
        return new String(required(headers, name), StandardCharsets.UTF_8);
    }

    private static long number(Headers headers, String name) {
        var bytes = required(headers, name);
        if (bytes.length != Long.BYTES) {
            throw new IllegalArgumentException("Header " + name + " is not an 8-byte number");
        }
        return ByteBuffer.wrap(bytes).getLong();
    }
}
