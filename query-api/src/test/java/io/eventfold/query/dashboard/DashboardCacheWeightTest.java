package io.eventfold.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.security.Caller;
import io.eventfold.security.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The cache holds documents within its budget of bytes, however few entries that is. */
class DashboardCacheWeightTest {

    /** Rows as stored, counting the database reads: a read the cache answers is not counted. */
    private static final class Stored extends DashboardRows {

        final Map<String, Integer> reads = new HashMap<>();
        final int bytes;

        Stored(int bytes) {
            super(null);
            this.bytes = bytes;
        }

        @Override
        Optional<Row> read(String conferenceId, boolean gzip) {
            reads.merge(conferenceId, 1, Integer::sum);
            return Optional.of(new Row(1, "\"1-" + conferenceId + "\"", "acme", "PUBLISHED", true, gzip,
                    new byte[bytes]));
        }

        @Override
        Map<String, String> etags(Set<String> eventIds) {
            var etags = new HashMap<String, String>();
            eventIds.forEach(id -> etags.put(id, "\"1-" + id + "\""));
            return etags;
        }
    }

    private final Caller organizer = new Caller("someone", Set.of(Role.ORGANIZER), Set.of("acme"));
    private DashboardCache cache;

    @AfterEach
    void stop() {
        cache.destroy();
    }

    @Test
    void documents_beyond_the_byte_budget_are_evicted_while_a_fitting_number_of_them_stays() {
        var stored = new Stored(300_000);
        cache = new DashboardCache(stored,
                new DashboardCacheProperties(128, DataSize.ofMegabytes(1), Duration.ofMillis(10)),
                new SimpleMeterRegistry());

        for (var id : List.of("a", "b", "c", "d", "e")) {
            cache.read(id, true, 0, organizer);
        }

        assertThat(cache.weight()).isLessThanOrEqualTo(DataSize.ofMegabytes(1).toBytes()).isGreaterThan(600_000);
        for (var id : List.of("a", "b", "c", "d", "e")) {
            cache.read(id, true, 0, organizer);
        }
        int readAgain = stored.reads.values().stream().mapToInt(n -> n - 1).sum();
        assertThat(readAgain).as("reads that went to the database again").isGreaterThanOrEqualTo(2);
    }

    @Test
    void small_documents_are_bounded_by_the_entry_count() {
        var stored = new Stored(100);
        cache = new DashboardCache(stored,
                new DashboardCacheProperties(3, DataSize.ofMegabytes(64), Duration.ofMillis(10)),
                new SimpleMeterRegistry());

        for (var id : List.of("a", "b", "c", "d", "e", "f")) {
            cache.read(id, true, 0, organizer);
        }

        cache.weight();
        for (var id : List.of("a", "b", "c", "d", "e", "f")) {
            cache.read(id, true, 0, organizer);
        }
        int readAgain = stored.reads.values().stream().mapToInt(n -> n - 1).sum();
        assertThat(readAgain).as("reads that went to the database again").isGreaterThanOrEqualTo(3);
    }
}
