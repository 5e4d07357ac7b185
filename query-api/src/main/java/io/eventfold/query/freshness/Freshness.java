package io.eventfold.query.freshness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a read that asks for a minimum version or position waits until the read model reaches
 * it, for at most {@code eventfold.query.max-wait}, and is never answered with older data.
 */
@Component
public class Freshness implements DisposableBean {

    /** How often a waiting read looks again: a waiting read sees its write within a few ms of it landing. */
    private static final Duration TICK = Duration.ofMillis(2);

    private final FreshnessProperties properties;
    private final List<Watcher<?>> watchers = new CopyOnWriteArrayList<>();

    Freshness(FreshnessProperties properties) {
        this.properties = properties;
    }

    /** {@code read}: the current numbers of the given keys, in one query. */
    public <K> Watcher<K> watcher(String name, Function<Set<K>, Map<K, Long>> read) {
        var watcher = new Watcher<>(name, read, properties.maxWait(), TICK);
        watchers.add(watcher);
        return watcher;
    }

    public ReadModelBehindException behind(String detail) {
        return new ReadModelBehindException(detail, properties.maxWait());
    }

    @Override
    public void destroy() {
        watchers.forEach(Watcher::close);
    }
}
