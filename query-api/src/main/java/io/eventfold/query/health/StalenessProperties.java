package io.eventfold.query.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxStaleness health reads DEGRADED once the read model may miss events older than this: the lag the
 *                     projector last reported plus how long ago it reported it
 */
@ConfigurationProperties("eventfold.query.health")
record StalenessProperties(@DefaultValue("60s") Duration maxStaleness) {
}
