package io.eventfold.projection.engine;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.EventTypes;
import io.eventfold.messaging.EventHeaders;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Turns a Kafka record into an {@link EventEnvelope}; one that cannot be read says precisely why. */
@Component
public class EventDecoder {

    /**
     * A reader per wire name: {@code readValue(bytes, Class)} resolves the class to a Jackson type on every
     * call.
     */
    private final Map<String, ObjectReader> readers;

    EventDecoder(JsonMapper json) {
        readers = EventTypes.all().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> json.readerFor(e.getValue())));
    }

    /**
     * The value is read where the fetch left it ({@code ByteBufferDeserializer} slices, never copies), sparing
     * the copy of every record that {@code ByteArrayDeserializer} made.
     */
    public EventEnvelope decode(ConsumerRecord<String, ByteBuffer> record) {
        EventHeaders headers;
        try {
            headers = EventHeaders.fromKafka(record.headers());
        } catch (RuntimeException e) {
            return poison(record, null, "Unreadable headers: " + e.getMessage());
        }
        var reader = readers.get(headers.eventType());
        if (reader == null) {
            return poison(record, headers, "Unknown event type " + headers.eventType());
        }
        var value = record.value();
        if (value == null) {
            return poison(record, headers, "No value: a " + headers.eventType() + " without its body");
        }
        try {
            ConferenceEvent event = value.hasArray()
                    ? reader.readValue(value.array(), value.arrayOffset() + value.position(), value.remaining())
                    : reader.readValue(EventEnvelope.bytes(value));
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
