package io.eventfold.projection.engine;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.messaging.EventHeaders;
import java.nio.ByteBuffer;

/**
 * A record from the topic with where it came from: enough to apply it once and to remember how far we got.
 * A record that could not be decoded has no {@link #event()} but a {@link #problem()}; projections park it
 * as a dead letter at its place in the stream. {@code publishedAt}: when the relay put it on the topic (the
 * record's timestamp, epoch milliseconds; 0 when unknown). {@code payload}: the record's value as fetched, a
 * view into the fetch's buffer (null for a record without one), copied only when parked.
 */
public record EventEnvelope(String topic, int partition, long offset, long publishedAt, String conferenceId,
                            long version, EventHeaders headers, ConferenceEvent event, ByteBuffer payload,
                            String problem) {

    public static EventEnvelope decoded(String topic, int partition, long offset, long publishedAt,
                                        EventHeaders headers, ConferenceEvent event, ByteBuffer payload) {
        return new EventEnvelope(topic, partition, offset, publishedAt, headers.aggregateId(),
                headers.aggregateVersion(), headers, event, payload, null);
    }

    /** {@code headers} may be null when they were unreadable too. */
    public static EventEnvelope undecodable(String topic, int partition, long offset, long publishedAt,
                                            String conferenceId, long version, EventHeaders headers,
                                            ByteBuffer payload, String problem) {
        return new EventEnvelope(topic, partition, offset, publishedAt, conferenceId, version, headers, null,
                payload, problem);
    }

    /** The same record read as {@code opened} (its personal fields opened). */
    EventEnvelope withEvent(ConferenceEvent opened) {
        return new EventEnvelope(topic, partition, offset, publishedAt, conferenceId, version, headers, opened,
                payload, null);
    }

    /** The same record, decoded but not to be applied: parked with {@code problem}. */
    EventEnvelope refused(String problem) {
        return new EventEnvelope(topic, partition, offset, publishedAt, conferenceId, version, headers, null,
                payload, problem);
    }

    /** The payload's bytes, for storing it; null when the record had no value. */
    public byte[] payloadBytes() {
        return payload == null ? null : bytes(payload);
    }

    static byte[] bytes(ByteBuffer buffer) {
        var bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    public boolean isDecoded() {
        return event != null;
    }

    public String eventType() {
        return headers == null ? null : headers.eventType();
    }

    public long globalPosition() {
        return headers == null ? 0 : headers.globalPosition();
    }
}
