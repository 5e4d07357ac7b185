package io.eventfold.query.freshness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a read that asks for a minimum version or position waits until the read model reaches
 * it, for at most {@code eventfold.query.max-wait}, and is never answered with older data. Waits are checked
 * whenever the projector commits (PostgreSQL notifications), and every 2 ms where notifications cannot reach
 * this service.
 */
@Component
public class Freshness implements DisposableBean {

    /** How often a waiting read looks again unsignalled: it sees its write within a few ms of it landing. */
    private static final Duration TICK = Duration.ofMillis(2);
    /** While notifications arrive: only a safety net against one lost on its way. */
    private static final Duration SIGNALLED_TICK = Duration.ofMillis(100);
    private static final Duration LISTEN_RETRY = Duration.ofSeconds(1);

    private final FreshnessProperties properties;
    private final List<Watcher<?>> watchers = new CopyOnWriteArrayList<>();
    private final ReadModelChanges changes;
    private volatile boolean listening;

    Freshness(FreshnessProperties properties, DataSource dataSource) {
        this.properties = properties;
        // Not this bean's own methods: other packages use Freshness and must not signal its watchers.
        this.changes = new ReadModelChanges(dataSource, new ReadModelChanges.Listener() {
            @Override
            public void listening(boolean listening) {
                signalAll(listening);
            }

            @Override
            public void changed() {
                watchers.forEach(Watcher::changed);
            }
        }, LISTEN_RETRY);
    }

    /** {@code read}: the current numbers of the given keys, in one query. */
    public <K> Watcher<K> watcher(String name, Function<Set<K>, Map<K, Long>> read) {
        var watcher = new Watcher<>(name, read, properties.maxWait(), TICK, SIGNALLED_TICK);
        watchers.add(watcher);
        watcher.signalled(listening);
        return watcher;
    }

    public ReadModelBehindException behind(String detail) {
        return new ReadModelBehindException(detail, properties.maxWait());
    }

    /** As {@link #behind}, answered by {@link Waits} no sooner than {@code answerAt} ({@link System#nanoTime()}). */
    public ReadModelBehindException behindAt(String detail, long answerAt) {
        return new ReadModelBehindException(detail, properties.maxWait(), answerAt);
    }

    private void signalAll(boolean listening) {
        this.listening = listening;
        watchers.forEach(watcher -> watcher.signalled(listening));
    }

    @Override
    public void destroy() {
        changes.close();
        watchers.forEach(Watcher::close);
    }
}
