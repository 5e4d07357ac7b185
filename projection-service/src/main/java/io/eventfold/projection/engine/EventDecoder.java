package io.eventfold.projection.engine;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.EventTypes;
import io.eventfold.messaging.EventHeaders;
import io.eventfold.messaging.upcast.UnknownEventVersionException;
import io.eventfold.messaging.upcast.Upcasters;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a Kafka record into an {@link EventEnvelope}; one that cannot be read says precisely why. A record stored
 * under an older wire name is read as the current event through {@link Upcasters}; the envelope keeps the
 * stored name, so that a parked one is read the same way again when retried.
 */
@Component
public class EventDecoder {

    /** How the records of one wire name are read: {@code body} turns an older version's JSON, or is null. */
    private record Reading(ObjectReader reader, UnaryOperator<byte[]> body) {
    }

    /**
     * A reader per wire name, older ones added when first met: {@code readValue(bytes, Class)} resolves the class
     * to a Jackson type on every call.
     */
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final Upcasters upcasters;

    @Autowired
    EventDecoder(JsonMapper json) {
        this(json, Upcasters.EVENTFOLD);
    }

    EventDecoder(JsonMapper json, Upcasters upcasters) {
        this.json = json;
        this.upcasters = upcasters;
        EventTypes.all().forEach((name, type) -> readings.put(name, new Reading(json.readerFor(type), null)));
    }

    /**
     * The value is read where the fetch left it ({@code ByteBufferDeserializer} slices, never copies), sparing
     * the copy of every record that {@code ByteArrayDeserializer} made; only an older version's is copied.
     */
    public EventEnvelope decode(ConsumerRecord<String, ByteBuffer> record) {
        EventHeaders headers;
        try {
            headers = EventHeaders.fromKafka(record.headers());
        } catch (RuntimeException e) {
            return poison(record, null, "Unreadable headers: " + e.getMessage());
        }
        var reading = readings.get(headers.eventType());
        if (reading == null) {
            try {
                reading = readings.computeIfAbsent(headers.eventType(), this::upcast);
            } catch (UnknownEventVersionException unknown) {
                return poison(record, headers, unknown.getMessage());
            }
        }
        var value = record.value();
        if (value == null) {
            return poison(record, headers, "No value: a " + headers.eventType() + " without its body");
        }
        try {
            ConferenceEvent event = read(reading, value);
            if (!headers.aggregateId().equals(event.eventId())) {
                return poison(record, headers, "Header aggregate id " + headers.aggregateId()
                        + " does not match the event's " + event.eventId());
            }
            return EventEnvelope.decoded(record.topic(), record.partition(), record.offset(), publishedAt(record),
                    headers, event, record.value());
        } catch (JacksonException | IllegalArgumentException e) {
            return poison(record, headers, "Unreadable " + headers.eventType() + ": "
                    + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private static ConferenceEvent read(Reading reading, ByteBuffer value) {
        if (reading.body() != null) {
            return reading.reader().readValue(reading.body().apply(EventEnvelope.bytes(value)));
        }
        return value.hasArray()
                ? reading.reader().readValue(value.array(), value.arrayOffset() + value.position(), value.remaining())
                : reading.reader().readValue(EventEnvelope.bytes(value));
    }

    /** @throws UnknownEventVersionException when no upcaster leads from the name to a current one */
    private Reading upcast(String wireName) {
        var upcast = upcasters.resolve(wireName);
        var current = EventTypes.classOf(upcast.wireName()).orElseThrow(() ->
                new UnknownEventVersionException(wireName, "upcast to " + upcast.wireName() + ", which has no class"));
        return new Reading(json.readerFor(current), upcast.changed() ? upcast.body() : null);
    }

    /** The relay's send time: topics keep the producer's timestamp unless configured to stamp on append. */
    private static long publishedAt(ConsumerRecord<?, ?> record) {
        return Math.max(0, record.timestamp());
    }

    private static EventEnvelope poison(ConsumerRecord<String, ByteBuffer> record, EventHeaders headers,
                                        String problem) {
        return EventEnvelope.undecodable(record.topic(), record.partition(), record.offset(), publishedAt(record),
                record.key() == null ? "(no key)" : record.key(), headers == null ? -1 : headers.aggregateVersion(),
                headers, record.value(), problem);
    }
}
