package io.eventfold.messaging;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
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

    /**
     * The topic as both services declare it (whichever starts first creates it). Kept forever: projections
     * are rebuilt by reading the topic from its first record.
     */
    public NewTopic newTopic() {
        return new NewTopic(name, partitions, replicas).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
    }
}
