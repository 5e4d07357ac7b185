package io.eventfold.projection.consumer;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.messaging.EventHeaders;

/**
 * A record from the topic with where it came from: enough to apply it once and to remember how far we got.
 * A record that could not be decoded has no {@link #event()} but a {@link #problem()}; projections park it
 * as a dead letter at its place in the stream. {@code publishedAt}: when the relay put it on the topic (the
 * record's timestamp, epoch milliseconds; 0 when unknown).
 */
public record EventEnvelope(String topic, int partition, long offset, long publishedAt, String conferenceId,
                            long version, EventHeaders headers, ConferenceEvent event, byte[] payload,
                            String problem) {

    public static EventEnvelope decoded(String topic, int partition, long offset, long publishedAt,
                                        EventHeaders headers, ConferenceEvent event, byte[] payload) {
        return new EventEnvelope(topic, partition, offset, publishedAt, headers.aggregateId(),
                headers.aggregateVersion(), headers, event, payload, null);
    }

    /** {@code headers} may be null when they were unreadable too. */
    public static EventEnvelope undecodable(String topic, int partition, long offset, long publishedAt,
                                            String conferenceId, long version, EventHeaders headers, byte[] payload,
                                            String problem) {
        return new EventEnvelope(topic, partition, offset, publishedAt, conferenceId, version, headers, null,
                payload, problem);
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
