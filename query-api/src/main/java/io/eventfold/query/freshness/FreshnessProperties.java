package io.eventfold.query.freshness;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a read with {@code minVersion} or {@code minPosition} waits for the projector to catch up, and how
 * many such reads may wait at once on one instance (each holds a connection and a little memory, no thread).
 */
@ConfigurationProperties("eventfold.query")
public record FreshnessProperties(@DefaultValue("2s") Duration maxWait, @DefaultValue("1000") int maxWaiters) {

    public FreshnessProperties {
        if (maxWaiters < 0) {
            throw new IllegalArgumentException("max-waiters must be 0 (no waits) or more, not " + maxWaiters);
        }
    }
}
