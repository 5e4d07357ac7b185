package io.eventfold.projection.consumer;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.messaging.EventHeaders;

/** A decoded event with where it came from: enough to apply it once and to remember how far we got. */
public record EventEnvelope(String topic, int partition, long offset, EventHeaders headers, ConferenceEvent event) {

    public String conferenceId() {
        return headers.aggregateId();
    }

    public long version() {
        return headers.aggregateVersion();
    }
}
