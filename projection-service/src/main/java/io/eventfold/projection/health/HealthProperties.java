package io.eventfold.projection.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Past either lag bound, health reads DEGRADED: readers are served, but late.
 *
 * @param maxLagEvents records of the topic not applied yet, parked ones included, per projection
 * @param maxLagTime   how long the oldest of those has waited
 * @param heartbeat    how often the lag is written to {@code projector_heartbeat} for query-api
 */
@ConfigurationProperties("eventfold.projection.health")
record HealthProperties(@DefaultValue("10000") long maxLagEvents, @DefaultValue("60s") Duration maxLagTime,
                        @DefaultValue("5s") Duration heartbeat) {
}
