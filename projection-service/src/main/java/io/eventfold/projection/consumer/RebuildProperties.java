package io.eventfold.projection.consumer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rebuilds read in bigger batches than the live stream (fewer transactions per event); {@code maxRate}
 * (records per second, 0 = as fast as it goes) keeps a rebuild from crowding the live stream's database;
 * {@code threads} workers per rebuild each read a share of the partitions.
 */
@ConfigurationProperties("eventfold.projection.rebuild")
public record RebuildProperties(
        @DefaultValue("20000") int batchSize,
        @DefaultValue("0") double maxRate,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("2") int threads) {
}
