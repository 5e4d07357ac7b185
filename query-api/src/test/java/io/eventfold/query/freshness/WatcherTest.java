package io.eventfold.query.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatcherTest {

    private static final Duration TICK = Duration.ofMillis(2);

    private final Map<String, Long> numbers = new ConcurrentHashMap<>();
    private final AtomicInteger largestRead = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    /** How many reads fail before {@link #readFailingFirst} answers. */
    private final AtomicInteger failures = new AtomicInteger();
    private Watcher<String> watcher;

    @AfterEach
    void close() {
        watcher.close();
    }

    @Test
    void a_wait_ends_as_soon_as_the_number_reaches_the_minimum() throws Exception {
        given(Duration.ofSeconds(5), this::readNumbers);
        numbers.put("c1", 3L);

        var reached = CompletableFuture.supplyAsync(() -> watcher.await("c1", 5));
        Thread.sleep(50);
        assertThat(reached).isNotDone();
        numbers.put("c1", 5L);

        assertThat(reached.get()).isTrue();
        assertThat(watcher.await("c1", 4)).isTrue();
    }

    @Test
    void a_wait_without_a_waiting_thread_completes_when_reached_and_with_false_at_the_deadline() throws Exception {
        given(Duration.ofMillis(300), this::readNumbers);
        numbers.put("c1", 3L);

        var reached = watcher.reached("c1", 5);
        var never = watcher.reached("c1", 9);
        Thread.sleep(50);
        assertThat(reached).isNotDone();
        numbers.put("c1", 5L);

        assertThat(reached.get()).isTrue();
        assertThat(never.get()).isFalse();
    }

    @Test
    void a_number_not_reached_or_never_there_ends_the_wait_with_false_at_the_deadline() {
        given(Duration.ofMillis(200), this::readNumbers);
        numbers.put("c1", 3L);

        long started = System.nanoTime();
        assertThat(watcher.await("c1", 4)).isFalse();
        assertThat(watcher.await("unknown", 0)).isFalse();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void many_waiting_reads_share_one_read_of_all_their_keys() {
        given(Duration.ofSeconds(5), this::readNumbers);
        var waits = IntStream.range(0, 40)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> watcher.await("c" + i, 1),
                        command -> new Thread(command).start()))
                .toList();
        while (largestRead.get() < 40) {
            Thread.onSpinWait();
        }

        IntStream.range(0, 40).forEach(i -> numbers.put("c" + i, 1L));

        assertThat(waits).allSatisfy(wait -> assertThat(wait.join()).isTrue());
        assertThat(largestRead.get()).isEqualTo(40);
    }

    @Test
    void a_failing_read_is_retried_until_it_answers() {
        failures.set(3);
        given(Duration.ofSeconds(5), this::readFailingFirst);
        numbers.put("c1", 1L);

        assertThat(watcher.await("c1", 1)).isTrue();
        assertThat(failures.get()).isNegative();
    }

    @Test
    void once_signalled_it_reads_on_each_change_instead_of_every_tick() throws Exception {
        given(Duration.ofSeconds(5), this::readNumbers);
        watcher.signalled(true);
        var reached = awaitedAfterAFirstRead();

        numbers.put("c1", 5L);
        Thread.sleep(100);
        int readsBeforeSignal = reads.get();
        watcher.changed();

        assertThat(reached.get()).isTrue();
        assertThat(readsBeforeSignal).as("no reads between changes, where 2 ms ticks made ~50").isLessThan(3);
    }

    @Test
    void unsignalled_again_it_goes_back_to_ticking() {
        given(Duration.ofSeconds(5), this::readNumbers);
        watcher.signalled(true);
        watcher.signalled(false);
        var reached = awaitedAfterAFirstRead();

        numbers.put("c1", 5L);

        assertThat(reached.join()).as("found by a tick, no change signalled").isTrue();
    }

    @Test
    void signalled_a_failing_read_is_retried_at_the_short_tick_not_left_for_the_next_change() {
        failures.set(3);
        given(Duration.ofSeconds(5), this::readFailingFirst);
        watcher.signalled(true);
        numbers.put("c1", 1L);

        assertThat(watcher.await("c1", 1)).as("no change signalled: only retries find it").isTrue();
    }

    @Test
    void signalled_each_wait_still_ends_at_its_own_deadline_and_a_deadline_reads_nothing() throws Exception {
        given(Duration.ofMillis(200), this::readNumbers);
        watcher.signalled(true);
        numbers.put("c1", 3L);
        var first = watcher.reached("c1", 5);
        Thread.sleep(50);
        var second = watcher.reached("c1", 5);

        // The safety-net read comes once an hour here: only the deadlines end these waits.
        assertThat(first.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(second.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(reads.get()).as("a read per wait added, none per deadline").isLessThanOrEqualTo(2);
    }

    /** c1 at 3, awaited at 5, and read once already. */
    private CompletableFuture<Boolean> awaitedAfterAFirstRead() {
        numbers.put("c1", 3L);
        var reached = CompletableFuture.supplyAsync(() -> watcher.await("c1", 5));
        while (reads.get() == 0) {
            Thread.onSpinWait();
        }
        return reached;
    }

    private void given(Duration maxWait, Function<Set<String>, Map<String, Long>> read) {
        watcher = new Watcher<>("test-watcher", read, maxWait, TICK, Duration.ofHours(1));
    }

    private Map<String, Long> readFailingFirst(Set<String> keys) {
        if (failures.getAndDecrement() > 0) {
            throw new IllegalStateException("database restarting");
        }
        return readNumbers(keys);
    }

    private Map<String, Long> readNumbers(Set<String> keys) {
        largestRead.accumulateAndGet(keys.size(), Math::max);
        reads.incrementAndGet();
        var found = new HashMap<String, Long>();
        keys.stream().filter(numbers::containsKey).forEach(key -> found.put(key, numbers.get(key)));
        return found;
    }
}
