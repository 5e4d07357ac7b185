package io.eventfold.projection.consumer;

import io.eventfold.contracts.EventTypes;
import io.eventfold.messaging.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns a Kafka record into an {@link EventEnvelope}, or says precisely why it cannot. */
@Component
class EventDecoder {

    private final JsonMapper json;

    EventDecoder(JsonMapper json) {
        this.json = json;
    }

    EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        EventHeaders headers;
        try {
            headers = EventHeaders.fromKafka(record.headers());
        } catch (RuntimeException e) {
            throw new UndecodableEventException("Unreadable headers: " + e.getMessage(), e);
        }
        var type = EventTypes.classOf(headers.eventType()).orElseThrow(() ->
                new UndecodableEventException("Unknown event type " + headers.eventType(), null));
        if (record.value() == null) {
            throw new UndecodableEventException("Empty record value", null);
        }
        try {
            var event = json.readValue(record.value(), type);
            if (!headers.aggregateId().equals(event.eventId())) {
                throw new UndecodableEventException("Header aggregate id " + headers.aggregateId()
                        + " does not match the event's " + event.eventId(), null);
            }
            return new EventEnvelope(record.topic(), record.partition(), record.offset(), headers, event);
        } catch (JacksonException e) {
            throw new UndecodableEventException("Unreadable " + headers.eventType() + ": " + e.getOriginalMessage(),
                    e);
        }
    }

    static final class UndecodableEventException extends RuntimeException {

        UndecodableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
