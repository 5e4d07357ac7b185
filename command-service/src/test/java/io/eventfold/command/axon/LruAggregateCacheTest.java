package io.eventfold.command.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class LruAggregateCacheTest {

    @Test
    void beyond_its_capacity_it_drops_the_least_recently_used_conference() {
        var cache = new LruAggregateCache(2);
        cache.put("a", 1);
        cache.put("b", 2);

        cache.get("a");
        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).as("least recently used").isFalse();
        assertThat((Integer) cache.get("c")).isEqualTo(3);
    }

    @Test
    void put_if_absent_and_remove_keep_their_contract_and_tell_listeners() {
        var cache = new LruAggregateCache(10);
        var heard = new ArrayList<String>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });

        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();

        assertThat(heard).containsExactly("created a", "removed a");
    }
}
