package io.eventfold.query.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The most read dashboards in memory: at most {@code maxEntries} (a dashboard in each form a client asked
 * for, text or gzip; 0 turns the cache off) and at most {@code maxBytes} of documents, whichever is reached first
 * (one conference's document can be megabytes), each checked against the database every {@code refreshInterval}.
 */
@ConfigurationProperties("eventfold.query.dashboard-cache")
public record DashboardCacheProperties(@DefaultValue("128") int maxEntries,
                                       @DefaultValue("64MB") DataSize maxBytes,
                                       @DefaultValue("10ms") Duration refreshInterval) {

    public DashboardCacheProperties {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("max-entries must be 0 (no cache) or more, not " + maxEntries);
        }
        if (maxBytes.isNegative()) {
            throw new IllegalArgumentException("max-bytes must be 0 (no cache) or more, not " + maxBytes);
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refresh-interval must be positive, not " + refreshInterval);
        }
    }

    /**
     * What one cached dashboard weighs against {@link #maxBytes}: its bytes, but at least an equal share of the
     * budget, so that no more than {@link #maxEntries} fit either. Caffeine bounds by weight or by count, not both.
     */
    int weigh(int bytes) {
        long share = maxEntries == 0 ? maxBytes.toBytes() : maxBytes.toBytes() / maxEntries;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(bytes, share));
    }

    long maxWeight() {
        return maxEntries == 0 ? 0 : maxBytes.toBytes();
    }
}
