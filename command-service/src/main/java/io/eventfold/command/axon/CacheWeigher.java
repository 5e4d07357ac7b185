package io.eventfold.command.axon;

import java.lang.reflect.Field;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * Weighs what Axon caches: the aggregate inside its {@link AggregateCacheEntry}, which keeps it in a private field
 * (read by reflection, once looked up). Anything else, or an Axon whose entry no longer has that field, weighs
 * {@link #UNKNOWN}: the cache stays bounded even then, if less precisely. The test of this class fails when that
 * happens.
 */
final class CacheWeigher {

    static final long UNKNOWN = 1L << 20;
    private static final Field ROOT = rootField();

    private CacheWeigher() {
    }

    static int weigh(Object value) {
        long bytes = UNKNOWN;
        if (value instanceof AggregateCacheEntry<?> entry && ROOT != null) {
            try {
                bytes = ROOT.get(entry) instanceof Weighed weighed ? weighed.approximateBytes() : UNKNOWN;
            } catch (IllegalAccessException e) {
                bytes = UNKNOWN;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes));
    }

    static boolean knowsAxon() {
        return ROOT != null;
    }

    private static Field rootField() {
        try {
            var field = AggregateCacheEntry.class.getDeclaredField("aggregateRoot");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
