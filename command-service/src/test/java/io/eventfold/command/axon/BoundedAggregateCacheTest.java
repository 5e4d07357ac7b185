package io.eventfold.command.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void beyond_its_capacity_it_keeps_the_busy_conferences_and_tells_listeners_what_it_dropped() {
        var cache = new BoundedAggregateCache(10 * CacheWeigher.UNKNOWN);
        var heard = heardFrom(cache);
        var busy = IntStream.range(0, 5).mapToObj(i -> "busy-" + i).toList();
        busy.forEach(key -> cache.put(key, key));
        for (int round = 0; round < 20; round++) {
            busy.forEach(cache::get);
        }

        IntStream.range(0, 100).forEach(i -> cache.put("quiet-" + i, i));

        assertThat(busy).allMatch(cache::containsKey);
        var held = IntStream.range(0, 100).filter(i -> cache.containsKey("quiet-" + i)).count() + busy.size();
        assertThat(held).isLessThanOrEqualTo(10);
        assertThat(heard.stream().filter(e -> e.startsWith("expired"))).hasSize(105 - (int) held)
                .allMatch(e -> e.startsWith("expired quiet-"));
    }

    @Test
    void put_if_absent_and_remove_keep_their_contract_and_tell_listeners() {
        var cache = new BoundedAggregateCache(10 * CacheWeigher.UNKNOWN);
        var heard = heardFrom(cache);

        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat((Integer) cache.get("a")).isEqualTo(1);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();

        assertThat(heard).containsExactly("created a", "read a", "removed a");
    }

    @Test
    void it_is_bounded_in_bytes_as_the_aggregates_weigh_themselves() {
        assertThat(CacheWeigher.knowsAxon()).as("Axon's cache entry still holds its aggregate where we read it")
                .isTrue();
        var cache = new BoundedAggregateCache(10_000);
        IntStream.range(0, 5).forEach(i -> cache.put("small-" + i, entry(1_000)));
        cache.put("large", entry(9_000));

        var small = IntStream.range(0, 5).filter(i -> cache.containsKey("small-" + i)).count();
        assertThat(small * 1_000 + (cache.containsKey("large") ? 9_000 : 0)).isLessThanOrEqualTo(10_000);
        assertThat(CacheWeigher.weigh(entry(123_456))).isEqualTo(123_456);
        assertThat(CacheWeigher.weigh("not an aggregate")).isEqualTo((int) CacheWeigher.UNKNOWN);
    }

    /** An aggregate of a given weight in the entry Axon's repository caches. */
    private static AggregateCacheEntry<Heavy> entry(long bytes) {
        var model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Heavy.class);
        return new AggregateCacheEntry<>(EventSourcedAggregate.initialize(new Heavy(bytes), model, null,
                (SnapshotTrigger) null));
    }

    static final class Heavy implements Weighed {

        private final long bytes;

        Heavy(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public long approximateBytes() {
            return bytes;
        }
    }

    /** Every callback a listener of the cache receives, as "what key". */
    private static List<String> heardFrom(Cache cache) {
        var heard = new ArrayList<String>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                heard.add("read " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }
        });
        return heard;
    }
}
