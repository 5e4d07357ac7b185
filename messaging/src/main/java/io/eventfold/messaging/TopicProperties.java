package io.eventfold.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event topic. Records are keyed by conference event id, so the partition count bounds how many
 * projector instances can work in parallel; it can grow later but never shrink.
 */
@ConfigurationProperties("eventfold.topic")
public record TopicProperties(
        @DefaultValue("conference-events") String name,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicas) {
}
