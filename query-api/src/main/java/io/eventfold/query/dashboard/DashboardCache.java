package io.eventfold.query.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.eventfold.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * cannot reach the database (then the cache is emptied), reads go to the database. A dashboard is kept in each
 * form asked for: text or gzip, stored or without personal data (made from the stored one once per tag), within a
 * budget of bytes: a few huge documents cannot fill the heap.
 */
@Component
class DashboardCache implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DashboardCache.class);
    /** A copy is served only if the last successful check began within this many intervals. */
    private static final int STALLED_AFTER_INTERVALS = 5;

    /** Bytes of a kept copy besides its document: the key, the tags, the record (an estimate). */
    private static final int ROW_OVERHEAD = 256;

    /** {@code personal}: the stored document, else the form without personal data. */
    private record Key(String eventId, boolean gzip, boolean personal) {
    }

    private final DashboardRows rows;
    private final Cache<Key, DashboardRows.Row> cache;
    private final long servedForNanos;
    private final ScheduledExecutorService refresher;
    private volatile long checkedAt = System.nanoTime();

    DashboardCache(DashboardRows rows, DashboardCacheProperties properties, MeterRegistry registry) {
        this.rows = rows;
        this.cache = Caffeine.newBuilder().maximumWeight(properties.maxWeight())
                .weigher((Key key, DashboardRows.Row row) -> properties.weigh(row.body().length + ROW_OVERHEAD))
                .recordStats().build();
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

    /**
     * The form of the dashboard this caller may see, at {@code minVersion} or later if the database has that
     * already; empty if there is no such dashboard or the caller may not see it.
     */
    Optional<DashboardRows.Row> read(String eventId, boolean gzip, long minVersion, Caller caller) {
        return visible(eventId, gzip, caller, key -> read(key, minVersion));
    }

    /** As {@link #read}, from the database; kept unless the cache already holds a newer version. */
    Optional<DashboardRows.Row> fresh(String eventId, boolean gzip, Caller caller) {
        return visible(eventId, gzip, caller, this::fresh);
    }

    /** Who sees what is known from the row: one look-up in the likely form, a second one only if another. */
    private Optional<DashboardRows.Row> visible(String eventId, boolean gzip, Caller caller,
                                                Function<Key, Optional<DashboardRows.Row>> source) {
        var likely = Visibility.likely(caller);
        var row = source.apply(new Key(eventId, gzip, likely == Visibility.FULL));
        var visibility = row.map(r -> r.visibleTo(caller)).orElse(Visibility.HIDDEN);
        if (visibility == Visibility.HIDDEN) {
            return Optional.empty();
        }
        if (visibility == likely) {
            return row;
        }
        // A caller of several roles (an organizer of one org who also attends another's conferences).
        return source.apply(new Key(eventId, gzip, visibility == Visibility.FULL))
                .filter(other -> other.visibleTo(caller) == visibility);
    }

    private Optional<DashboardRows.Row> read(Key key, long minVersion) {
        var cached = cache.getIfPresent(key);
        if (cached != null && cached.version() >= minVersion && System.nanoTime() - checkedAt < servedForNanos) {
            return Optional.of(cached);
        }
        return fresh(key);
    }

    /** From the database; kept unless the cache already holds a newer version (reads never go back). */
    private Optional<DashboardRows.Row> fresh(Key key) {
        var row = rows.read(key.eventId(), key.gzip());
        if (!key.personal()) {
            row = row.map(stored -> withoutPersonalData(key, stored));
        }
        row.ifPresent(r -> cache.asMap().merge(key, r,
                (kept, read) -> read.version() >= kept.version() ? read : kept));
        return row;
    }

    /** Made once per stored version: a copy made for the same tag is reused (a map read: no hit counted). */
    private DashboardRows.Row withoutPersonalData(Key key, DashboardRows.Row stored) {
        var kept = cache.asMap().get(key);
        return kept != null && kept.etag().equals(stored.etag()) ? kept : stored.withoutPersonalData();
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

    /** What the kept copies weigh now, evictions due done first. */
    long weight() {
        cache.cleanUp();
        return cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    void clear() {
        cache.invalidateAll();
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
