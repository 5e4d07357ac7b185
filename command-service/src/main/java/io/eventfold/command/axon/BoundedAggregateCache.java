package io.eventfold.command.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Recently and often used conferences, held strongly up to a bound (Caffeine). Axon's WeakReferenceCache let the
 * garbage collector drop a busy conference at any young collection, and every command after that reloaded it
 * from its snapshot and events. A LinkedHashMap behind one lock came next: request threads queued on it while
 * holding their conference's lock. Reads here take no lock; evictions run on the writing thread. The bound is in
 * bytes: a conference of 100,000 registrations takes the room of thousands of small ones.
 */
final class BoundedAggregateCache implements Cache {

    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    /** At most {@code maxBytes} of aggregates, as they weigh themselves ({@link CacheWeigher}). */
    BoundedAggregateCache(long maxBytes) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((key, value) -> CacheWeigher.weigh(value))
                .executor(Runnable::run)
                .evictionListener((key, value, cause) -> listeners.forEach(l -> l.onEntryExpired(key)))
                .build()
                .asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        var value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        boolean existed = entries.put(key, value) != null;
        listeners.forEach(l -> {
            if (existed) {
                l.onEntryUpdated(key, value);
            } else {
                l.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (entries.putIfAbsent(key, value) != null) {
            return false;
        }
        listeners.forEach(l -> l.onEntryCreated(key, value));
        return true;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
