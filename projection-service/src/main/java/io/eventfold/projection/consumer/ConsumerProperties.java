package io.eventfold.projection.consumer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events are batched: a batch is written when it holds {@code batchSize} events or its first event
 * has waited {@code maxDelay}, whichever comes first. Bigger batches mean fewer transactions per event;
 * the delay bounds how stale a read can be while the stream is quiet.
 */
@ConfigurationProperties("eventfold.projection")
public record ConsumerProperties(
        @DefaultValue("500") int batchSize,
        @DefaultValue("20ms") Duration maxDelay,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("live") String consumerName) {
}
