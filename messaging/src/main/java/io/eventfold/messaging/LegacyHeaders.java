package io.eventfold.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Headers;

/**
 * The six text headers the relay wrote before {@link EventHeaders#EVENT}: records already on a topic keep
 * them for as long as the topic keeps its records, and a rebuild reads them all again.
 */
final class LegacyHeaders {

    static final String EVENT_TYPE = "eventfold-event-type";
    static final String MESSAGE_ID = "eventfold-event-id";
    static final String AGGREGATE_ID = "eventfold-aggregate-id";
    static final String AGGREGATE_VERSION = "eventfold-aggregate-version";
    static final String GLOBAL_POSITION = "eventfold-global-position";
    static final String TIMESTAMP = "eventfold-timestamp";

    private LegacyHeaders() {
    }

    static EventHeaders read(Headers headers) {
        return new EventHeaders(
                string(headers, EVENT_TYPE),
                string(headers, MESSAGE_ID),
                string(headers, AGGREGATE_ID),
                number(headers, AGGREGATE_VERSION),
                number(headers, GLOBAL_POSITION),
                IsoInstant.parse(string(headers, TIMESTAMP)));
    }

    static Optional<String> typeOf(Headers headers) {
        var header = headers.lastHeader(EVENT_TYPE);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    static OptionalLong positionOf(Headers headers) {
        var header = headers.lastHeader(GLOBAL_POSITION);
        return header == null || header.value() == null || header.value().length != Long.BYTES
                ? OptionalLong.empty() : OptionalLong.of(ByteBuffer.wrap(header.value()).getLong());
    }

    private static byte[] required(Headers headers, String name) {
        var header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new IllegalArgumentException("Missing header " + EventHeaders.EVENT + " (or, as written before it, "
                    + name + ")");
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
