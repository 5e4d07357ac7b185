package io.eventfold.query.freshness;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a read with {@code minVersion} or {@code minPosition} waits for the projector to catch up. */
@ConfigurationProperties("eventfold.query")
public record FreshnessProperties(@DefaultValue("2s") Duration maxWait) {
}
