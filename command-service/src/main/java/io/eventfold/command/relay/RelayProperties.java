package io.eventfold.command.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The relay's settings read at start-up ({@code eventfold.relay.watermark-interval} is read by
 * {@link WatermarkTicker}'s schedule).
 *
 * @param gapWindow how long a gap in the relay's token may hold the watermarks; past it, a gap whose position
 *                  has no stored event is taken as a number no transaction will commit
 */
@ConfigurationProperties(prefix = "eventfold.relay")
record RelayProperties(Duration gapWindow) {
}
