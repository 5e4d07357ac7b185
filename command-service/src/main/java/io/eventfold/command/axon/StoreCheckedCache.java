package io.eventfold.command.axon;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * The aggregate cache, trusted only as far as the event store agrees: a cached conference is handed out only if
 * its version is the store's last sequence number for it, read in the command's own transaction (and under the
 * conference's lock) just before the command is decided. Another instance may have appended to it, or a commit
 * this instance believed may not have stored its events; either way the entry is dropped and Axon reloads the
 * conference from the store.
 */
final class StoreCheckedCache implements Cache {

    /** Axon keeps the version private; it is part of the entry's serialized form, so the name is stable. */
    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Cache entries;
    private final ToLongFunction<String> storedVersion;

    /** {@code storedVersion}: the store's last sequence number of an aggregate, -1 when it has no events. */
    StoreCheckedCache(Cache entries, ToLongFunction<String> storedVersion) {
        this.entries = entries;
        this.storedVersion = storedVersion;
    }

    @Override
    public <K, V> V get(K key) {
        V value = entries.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !matchesStore(key, entry)) {
            entries.remove(key);
            return null;
        }
        return value;
    }

    private boolean matchesStore(Object key, AggregateCacheEntry<?> entry) {
        var cached = (Long) VERSION.get(entry);
        return cached != null && cached == storedVersion.applyAsLong(key.toString());
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return entries.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, update);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public void removeAll() {
        entries.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return entries.registerCacheEntryListener(listener);
    }
}
