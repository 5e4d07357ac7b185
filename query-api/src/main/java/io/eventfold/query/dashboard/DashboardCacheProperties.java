package io.eventfold.query.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The most read dashboards in memory: at most {@code maxEntries} (a dashboard in each form a client asked
 * for, text or gzip; 0 turns the cache off), each checked against the database every {@code refreshInterval}.
 */
@ConfigurationProperties("eventfold.query.dashboard-cache")
public record DashboardCacheProperties(@DefaultValue("128") int maxEntries,
                                       @DefaultValue("10ms") Duration refreshInterval) {

    public DashboardCacheProperties {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("max-entries must be 0 (no cache) or more, not " + maxEntries);
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refresh-interval must be positive, not " + refreshInterval);
        }
    }
}
