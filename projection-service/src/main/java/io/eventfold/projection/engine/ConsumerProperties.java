package io.eventfold.projection.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events are batched: a batch is written when it holds {@code batchSize} events, when its first event
 * has waited {@code maxDelay}, or as soon as the consumer has read everything there is, whichever comes
 * first. A projector that keeps up writes each event at once (a batch holds what arrived during the previous
 * write), so a big size costs no freshness; it lets a projector that is behind catch up in few, big
 * transactions, each writing a touched dashboard once. {@code threads} consumers of the group run in this
 * instance, each on its own partitions and database connection. Health turns DOWN once batches have kept
 * failing for {@code unhealthyAfter}. A conference parked by a gap in its versions is retried every
 * {@code gapRetry} for {@code gapWait}, so that it heals once the missing event arrives; after that its dead
 * letters wait for an operator.
 */
@ConfigurationProperties("eventfold.projection")
public record ConsumerProperties(
        @DefaultValue("5000") int batchSize,
        @DefaultValue("20ms") Duration maxDelay,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("live") String consumerName,
        @DefaultValue("2") int threads,
        @DefaultValue("30s") Duration unhealthyAfter,
        @DefaultValue("5s") Duration gapRetry,
        @DefaultValue("60s") Duration gapWait) {
}
