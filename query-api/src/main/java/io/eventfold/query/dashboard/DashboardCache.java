package io.eventfold.query.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The most read dashboards, in memory. A hot conference's dashboard is read thousands of times between two
 * of its changes, and a database read of it (even of the stored gzip form) cost more than the rest of a
 * request. Kept correct by the read model's own entity tags: every refresh interval one query reads the tags
 * of all cached dashboards, and a dashboard whose tag changed (a new version, a rebuilt generation) or that
 * is gone leaves the cache. So a read without {@code minVersion} is at most about one interval older than the
 * database; a read with it is never answered from a copy older than asked; and each form of a dashboard only
 * moves forward in one instance. A copy is served only while the refresher keeps checking: if it stalls, or
 * cannot reach the database (then the cache is emptied), reads go to the database.
 */
@Component
class DashboardCache implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DashboardCache.class);
    /** A copy is served only if the last successful check began within this many intervals. */
    private static final int STALLED_AFTER_INTERVALS = 5;

    private record Key(String eventId, boolean gzip) {
    }

    private final DashboardRows rows;
    private final Cache<Key, DashboardRows.Row> cache;
    private final long servedForNanos;
    private final ScheduledExecutorService refresher;
    private volatile long checkedAt = System.nanoTime();

    DashboardCache(DashboardRows rows, DashboardCacheProperties properties, MeterRegistry registry) {
        this.rows = rows;
        this.cache = Caffeine.newBuilder().maximumSize(properties.maxEntries()).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, cache, "dashboards");
        var interval = properties.refreshInterval().toNanos();
        this.servedForNanos = STALLED_AFTER_INTERVALS * interval;
        this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "dashboard-cache-refresher");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, interval, interval, TimeUnit.NANOSECONDS);
    }

    /** The dashboard if it is there, at {@code minVersion} or later if the database has that already. */
    Optional<DashboardRows.Row> read(String eventId, boolean gzip, long minVersion) {
        var cached = cache.getIfPresent(new Key(eventId, gzip));
        if (cached != null && cached.version() >= minVersion && System.nanoTime() - checkedAt < servedForNanos) {
            return Optional.of(cached);
        }
        return fresh(eventId, gzip);
    }

    /** From the database; kept unless the cache already holds a newer version (reads never go back). */
    Optional<DashboardRows.Row> fresh(String eventId, boolean gzip) {
        var row = rows.read(eventId, gzip);
        row.ifPresent(r -> cache.asMap().merge(new Key(eventId, gzip), r,
                (kept, read) -> read.version() >= kept.version() ? read : kept));
        return row;
    }

    /** Drops every copy whose dashboard changed or is gone since it was read. */
    void refresh() {
        long started = System.nanoTime();
        var ids = cache.asMap().keySet().stream().map(Key::eventId).collect(Collectors.toSet());
        try {
            var etags = ids.isEmpty() ? Map.<String, String>of() : rows.etags(ids);
            // A copy read since the ids were taken is left for the next check.
            cache.asMap().entrySet().removeIf(e -> ids.contains(e.getKey().eventId())
                    && !e.getValue().etag().equals(etags.get(e.getKey().eventId())));
            checkedAt = started;
        } catch (RuntimeException e) {
            log.warn("Cannot check the cached dashboards; reading them from the database until it works again", e);
            cache.invalidateAll();
        }
    }

    void clear() {
        cache.invalidateAll();
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
