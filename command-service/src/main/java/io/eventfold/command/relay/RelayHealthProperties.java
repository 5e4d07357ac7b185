package io.eventfold.command.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stuckAfter health reads DEGRADED once a stored event has waited this long for the relay (writes are
 *                   still accepted then, so the service stays in service)
 */
@ConfigurationProperties(prefix = "eventfold.relay.health")
record RelayHealthProperties(@DefaultValue("30s") Duration stuckAfter) {
}
