package io.eventfold.command.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedBatcherTest {

    private static final int UNBOUNDED = Integer.MAX_VALUE;
    private static final Duration LONG = Duration.ofMinutes(1);

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void a_lone_caller_runs_its_own_batch_and_leaves_no_lane_behind() {
        var batcher = new KeyedBatcher<>(recordingTimesTen(), 10, UNBOUNDED, LONG);

        var result = batcher.submit("a", 7);

        assertThat(result).isEqualTo(70);
        assertThat(batches).containsExactly(List.of(7));
        assertThat(batcher.idle()).isTrue();
    }

    @Test
    void callers_arriving_during_a_batch_go_together_in_the_next_one_each_with_its_own_result() throws Exception {
        var batcher = new KeyedBatcher<>(firstBatchWaitsForRelease(), 10, UNBOUNDED, LONG);
        var first = batchRunning(batcher, 1);

        var later = List.of(submitted(batcher, "a", 2), submitted(batcher, "a", 3), submitted(batcher, "a", 4));
        await().until(() -> batcher.queued("a") == 3);
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(results(later)).containsExactlyInAnyOrder(20, 30, 40);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(2, 3, 4);
        assertThat(batcher.idle()).isTrue();
    }

    @Test
    void a_batch_takes_at_most_the_limit_first_come_first() throws Exception {
        var batcher = new KeyedBatcher<>(firstBatchWaitsForRelease(), 2, UNBOUNDED, LONG);
        var all = new ArrayList<Future<Integer>>(List.of(batchRunning(batcher, 0)));
        all.addAll(queuedInOrder(batcher, 1, 2, 3, 4, 5));

        release.countDown();

        assertThat(results(all)).containsExactly(0, 10, 20, 30, 40, 50);
        assertThat(batches).containsExactly(List.of(0), List.of(1, 2), List.of(3, 4), List.of(5));
    }

    @Test
    void a_failed_batch_fails_each_of_its_callers_and_the_key_goes_on_with_the_next() throws Exception {
        var gated = firstBatchWaitsForRelease();
        BiFunction<String, List<Integer>, List<Integer>> failsOnNegatives = (key, items) -> {
            var results = gated.apply(key, items);
            if (items.stream().anyMatch(item -> item < 0)) {
                throw new IllegalArgumentException("negative in " + items);
            }
            return results;
        };
        var batcher = new KeyedBatcher<>(failsOnNegatives, 2, UNBOUNDED, LONG);
        var first = batchRunning(batcher, 1);
        var failing = queuedInOrder(batcher, -1, 2);
        var after = queuedInOrder(batcher, 3).get(0);

        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(10);
        for (var caller : failing) {
            assertThatThrownBy(() -> caller.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative in [-1, 2]");
        }
        assertThat(after.get(5, TimeUnit.SECONDS)).isEqualTo(30);
        assertThat(batcher.idle()).isTrue();
    }

    @Test
    void a_key_does_not_wait_for_another_keys_batch() throws Exception {
        var batcher = new KeyedBatcher<>(firstBatchWaitsForRelease(), 10, UNBOUNDED, LONG);
        var blocked = batchRunning(batcher, 1);

        var other = batcher.submit("b", 2);

        assertThat(other).isEqualTo(20);
        assertThat(blocked).isNotDone();
        release.countDown();
        assertThat(blocked.get(5, TimeUnit.SECONDS)).isEqualTo(10);
    }

    @Test
    void under_contention_each_caller_gets_its_own_result_and_a_key_runs_one_batch_at_a_time() throws Exception {
        var running = new AtomicInteger[] {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        var overlaps = new AtomicInteger();
        var batcher = new KeyedBatcher<Integer, Integer, Integer>((key, items) -> {
            if (running[key].incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            LockSupport.parkNanos(20_000);
            running[key].decrementAndGet();
            return items.stream().map(item -> item * 10).toList();
        }, 8, UNBOUNDED, LONG);
        var pool = Executors.newFixedThreadPool(64);
        var submitted = new ArrayList<Future<Integer>>();
        var expected = new ArrayList<Integer>();

        for (int item = 0; item < 2_000; item++) {
            int key = ThreadLocalRandom.current().nextInt(3);
            int value = item;
            submitted.add(pool.submit(() -> batcher.submit(key, value)));
            expected.add(item * 10);
        }

        var results = results(submitted);
        pool.shutdown();

        assertThat(results).containsExactlyElementsOf(expected);
        assertThat(overlaps).hasValue(0);
        assertThat(batcher.idle()).isTrue();
    }

    @Test
    void a_key_holding_its_limit_of_callers_refuses_more_at_once_and_other_keys_are_untouched() throws Exception {
        var batcher = new KeyedBatcher<>(firstBatchWaitsForRelease(), 10, 3, LONG);
        var running = batchRunning(batcher, 1);
        var queued = queuedInOrder(batcher, 2, 3);

        assertThatThrownBy(() -> batcher.submit("a", 4)).isInstanceOf(KeyedBatcher.Busy.class)
                .hasMessage("3 callers already wait for a");
        assertThat(batcher.submit("b", 5)).isEqualTo(50);
        release.countDown();

        assertThat(results(List.of(running, queued.get(0), queued.get(1)))).containsExactly(10, 20, 30);
        assertThat(batcher.submit("a", 6)).as("room again once the batches are done").isEqualTo(60);
        assertThat(batches).doesNotContain(List.of(4));
    }

    @Test
    void a_caller_no_batch_took_within_the_wait_leaves_the_queue_and_its_item_is_never_worked() throws Exception {
        var batcher = new KeyedBatcher<>(firstBatchWaitsForRelease(), 10, UNBOUNDED, Duration.ofMillis(200));
        var running = batchRunning(batcher, 1);
        var late = queuedInOrder(batcher, 2).get(0);

        assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(KeyedBatcher.Busy.class);
        assertThat(batcher.queued("a")).isZero();
        release.countDown();

        assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(batches).containsExactly(List.of(1));
        await().until(batcher::idle);
    }

    @Test
    void under_contention_with_bounds_every_caller_gets_its_result_or_busy_and_busy_items_are_never_worked()
            throws Exception {
        var batcher = new KeyedBatcher<String, Integer, Integer>((key, items) -> {
            batches.add(List.copyOf(items));
            LockSupport.parkNanos(2_000_000);
            return items.stream().map(item -> item * 10).toList();
        }, 8, 4, Duration.ofMillis(3));
        var pool = Executors.newFixedThreadPool(64);
        var submitted = new ArrayList<Future<Integer>>();
        for (int item = 0; item < 2_000; item++) {
            int value = item;
            submitted.add(pool.submit(() -> {
                try {
                    return batcher.submit("a", value);
                } catch (KeyedBatcher.Busy busy) {
                    return -1;
                }
            }));
        }

        var results = results(submitted);
        pool.shutdown();

        var worked = batches.stream().flatMap(List::stream).toList();
        assertThat(worked).doesNotHaveDuplicates();
        for (int item = 0; item < results.size(); item++) {
            assertThat(results.get(item)).as("item " + item).isEqualTo(worked.contains(item) ? item * 10 : -1);
        }
        assertThat(results).contains(-1);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.size()).isLessThanOrEqualTo(4));
        assertThat(batcher.idle()).isTrue();
    }

    private BiFunction<String, List<Integer>, List<Integer>> recordingTimesTen() {
        return (key, items) -> {
            batches.add(List.copyOf(items));
            return items.stream().map(item -> item * 10).toList();
        };
    }

    /** Records each batch; the first one then holds its key until the test releases it. */
    private BiFunction<String, List<Integer>, List<Integer>> firstBatchWaitsForRelease() {
        var recording = recordingTimesTen();
        return (key, items) -> {
            var results = recording.apply(key, items);
            if (batches.size() == 1) {
                awaitRelease();
            }
            return results;
        };
    }

    private void awaitRelease() {
        try {
            assertThat(release.await(10, TimeUnit.SECONDS)).as("released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The item submitted under key "a", once its batch, the first, runs (and holds the key, if gated). */
    private Future<Integer> batchRunning(KeyedBatcher<String, Integer, Integer> batcher, int item) {
        var submitted = submitted(batcher, "a", item);
        await().until(() -> batches.size() == 1);
        return submitted;
    }

    /**
     * Submits the items under key "a" one at a time, each once the one before it is queued: two callers started
     * together queue in either order.
     */
    private List<Future<Integer>> queuedInOrder(KeyedBatcher<String, Integer, Integer> batcher, int... items) {
        var futures = new ArrayList<Future<Integer>>();
        for (int item : items) {
            int queued = batcher.queued("a") + 1;
            futures.add(submitted(batcher, "a", item));
            await().until(() -> batcher.queued("a") == queued);
        }
        return futures;
    }

    private Future<Integer> submitted(KeyedBatcher<String, Integer, Integer> batcher, String key, int item) {
        return callers.submit(() -> batcher.submit(key, item));
    }

    private static List<Integer> results(List<Future<Integer>> futures) throws Exception {
        var results = new ArrayList<Integer>();
        for (var future : futures) {
            results.add(future.get(10, TimeUnit.SECONDS));
        }
        return results;
    }
}
