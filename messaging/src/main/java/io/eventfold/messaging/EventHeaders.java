package io.eventfold.messaging;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What every event record says about itself besides its body. The record key is the conference event id and
 * the value is the event's JSON; these say what it is and where it stands, so a consumer can route,
 * de-duplicate and order an event without parsing its body.
 *
 * <p>On the topic they travel as one binary header, {@value #EVENT}, rather than one header per field: the
 * Kafka client parses every header of every record it fetches into objects of its own, so fewer headers mean
 * fewer allocations per record (docs/design/binary-header.md). Its layout (big-endian), version 1:
 * <pre>
 * byte   format version (1)
 * long   aggregate version
 * long   global position
 * long   timestamp, seconds since the epoch
 * int    timestamp, nanoseconds of that second
 * 3 ×    unsigned short length + UTF-8 bytes: event type, message id, aggregate id
 * </pre>
 */
public record EventHeaders(
        String eventType,
        String messageId,
        String aggregateId,
        long aggregateVersion,
        long globalPosition,
        Instant timestamp) {

    public static final String EVENT = "eventfold-event";
    /**
     * Marks a watermark record, which the relay sends to every partition after each published batch: every
     * event at or below this global position is on the topic before it.
     */
    public static final String WATERMARK = "eventfold-watermark";

    private static final byte FORMAT = 1;
    private static final int POSITION_AT = 1 + Long.BYTES;
    private static final int TYPE_AT = 1 + 3 * Long.BYTES + Integer.BYTES;

    public static Headers watermark(long globalPosition) {
        var headers = new RecordHeaders();
        headers.add(WATERMARK, ByteBuffer.allocate(Long.BYTES).putLong(globalPosition).array());
        return headers;
    }

    /**
     * The position of a watermark record; empty for an event record. Cheaper to ask only of records without a
     * value (a watermark has none): for an event, the search decodes the names of its headers.
     */
    public static OptionalLong watermarkOf(Headers headers) {
        var header = headers.lastHeader(WATERMARK);
        if (header == null) {
            return OptionalLong.empty();
        }
        var value = header.value();
        if (value == null || value.length != Long.BYTES) {
            throw new IllegalArgumentException("Header " + WATERMARK + " is not an 8-byte number");
        }
        return OptionalLong.of(ByteBuffer.wrap(value).getLong());
    }

    /** The event type alone, without reading the rest: empty when it is missing or unreadable. */
    public static Optional<String> typeOf(Headers headers) {
        var value = eventHeader(headers);
        if (value == null || value.length < TYPE_AT || value[0] != FORMAT) {
            return Optional.empty();
        }
        try {
            return Optional.of(readString(ByteBuffer.wrap(value).position(TYPE_AT)));
        } catch (BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    /** The global position alone: empty when it is missing or unreadable. */
    public static OptionalLong positionOf(Headers headers) {
        var value = eventHeader(headers);
        return value != null && value.length >= TYPE_AT && value[0] == FORMAT
                ? OptionalLong.of(ByteBuffer.wrap(value).getLong(POSITION_AT)) : OptionalLong.empty();
    }

    public Headers toKafka() {
        var type = utf8(eventType);
        var message = utf8(messageId);
        var aggregate = utf8(aggregateId);
        var buffer = ByteBuffer.allocate(TYPE_AT + 3 * Short.BYTES + type.length + message.length + aggregate.length)
                .put(FORMAT)
                .putLong(aggregateVersion)
                .putLong(globalPosition)
                .putLong(timestamp.getEpochSecond())
                .putInt(timestamp.getNano());
        for (var text : new byte[][] {type, message, aggregate}) {
            buffer.putShort((short) text.length).put(text);
        }
        var headers = new RecordHeaders();
        headers.add(EVENT, buffer.array());
        return headers;
    }

    /** Reads the headers back; a missing or malformed header is an {@link IllegalArgumentException}. */
    public static EventHeaders fromKafka(Headers headers) {
        var value = eventHeader(headers);
        if (value == null) {
            if (headers.lastHeader(EVENT) == null) {
                throw new IllegalArgumentException("Missing header " + EVENT);
            }
            return malformed("it is empty");
        }
        if (value.length == 0 || value[0] != FORMAT) {
            return malformed("unknown format " + (value.length == 0 ? "(none)" : value[0]));
        }
        try {
            var buffer = ByteBuffer.wrap(value, 1, value.length - 1);
            long version = buffer.getLong();
            long position = buffer.getLong();
            var timestamp = Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
            var headersRead = new EventHeaders(readString(buffer), readString(buffer), readString(buffer), version,
                    position, timestamp);
            return buffer.hasRemaining() ? malformed(buffer.remaining() + " bytes left over") : headersRead;
        } catch (BufferUnderflowException | DateTimeException e) {
            return malformed("it ends early or holds an impossible timestamp");
        }
    }

    private static byte[] eventHeader(Headers headers) {
        Header header = headers.lastHeader(EVENT);
        return header == null ? null : header.value();
    }

    private static EventHeaders malformed(String why) {
        throw new IllegalArgumentException("Header " + EVENT + " is malformed: " + why);
    }

    private static String readString(ByteBuffer buffer) {
        int length = Short.toUnsignedInt(buffer.getShort());
        if (length > buffer.remaining()) {
            throw new BufferUnderflowException();
        }
        var text = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return text;
    }

    private static byte[] utf8(String value) {
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("A header text is longer than 65,535 bytes");
        }
        return bytes;
    }
}
