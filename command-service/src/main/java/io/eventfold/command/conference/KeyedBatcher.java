package io.eventfold.command.conference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * Work for one key runs one batch at a time, on the callers' own threads: a caller that finds its key idle
 * works at once; callers that arrive meanwhile queue, and when a batch ends the first of them takes everything
 * queued (up to a limit) as the next batch. Each caller gets its own result, or the failure of its batch.
 * Under contention, N callers then cost a few batches instead of N turns at the key's lock. A key's lane is
 * changed only inside the map's {@code compute} for that key, which serializes its changes.
 *
 * <p>Waits are bounded, as every caller holds a request thread: a key holds at most {@code maxCallers} callers
 * (running or queued), and a queued caller that has not been taken into a batch within {@code maxWait} leaves
 * the queue. Either is thrown as {@link Busy}; such a caller was never in a batch, so its item was not worked.
 */
final class KeyedBatcher<K, T, R> {

    private static final int LEADS = 0;
    private static final int QUEUED = 1;
    private static final int REFUSED = 2;

    private final ConcurrentHashMap<K, Lane<T, R>> lanes = new ConcurrentHashMap<>();
    private final BiFunction<K, List<T>, List<R>> work;
    private final int maxBatch;
    private final int maxCallers;
    private final Duration maxWait;

    /** {@code work} answers a batch's items with one result each, in order. */
    KeyedBatcher(BiFunction<K, List<T>, List<R>> work, int maxBatch, int maxCallers, Duration maxWait) {
        if (maxBatch < 1 || maxCallers < 1) {
            throw new IllegalArgumentException("A batch and a key take at least one item, not " + maxBatch
                    + " and " + maxCallers);
        }
        this.work = work;
        this.maxBatch = maxBatch;
        this.maxCallers = maxCallers;
        this.maxWait = maxWait;
    }

    /**
     * This item's result, once the batch it went in has run; rethrows that batch's failure, or {@link Busy}
     * when the key already holds {@code maxCallers} or no batch took the item within {@code maxWait}.
     */
    R submit(K key, T item) {
        var caller = new Caller<T, R>(item);
        var joined = new int[1];
        lanes.compute(key, (k, existing) -> {
            var lane = existing == null ? new Lane<T, R>() : existing;
            if (lane.callers >= maxCallers) {
                joined[0] = REFUSED;
            } else {
                joined[0] = lane.join(caller) ? LEADS : QUEUED;
            }
            return lane;
        });
        if (joined[0] == REFUSED) {
            throw new Busy(maxCallers + " callers already wait for " + key);
        }
        if (joined[0] == LEADS || awaitTurnOrResult(key, caller)) {
            runBatch(key);
        }
        return caller.result();
    }

    /** Whether the caller's turn to run a batch came; past {@code maxWait}, it leaves the queue if it can. */
    private boolean awaitTurnOrResult(K key, Caller<T, R> caller) {
        try {
            return caller.awaitTurnOrResult(maxWait);
        } catch (TimeoutException late) {
            var left = new boolean[1];
            lanes.computeIfPresent(key, (k, lane) -> {
                left[0] = lane.leader != caller && lane.queue.remove(caller);
                lane.callers -= left[0] ? 1 : 0;
                return lane;
            });
            if (left[0]) {
                throw new Busy("No batch of " + key + " took the item within " + maxWait.toMillis() + " ms");
            }
            // Taken into a running batch, or its turn came meanwhile: the outcome is on its way.
            return caller.awaitTurnOrResult();
        }
    }

    /** How many callers wait for a batch of this key to take them; for tests. */
    int queued(K key) {
        var queued = new int[1];
        lanes.computeIfPresent(key, (k, lane) -> {
            queued[0] = lane.queue.size();
            return lane;
        });
        return queued[0];
    }

    /** Whether no key has work running or queued; for tests. */
    boolean idle() {
        return lanes.isEmpty();
    }

    private void runBatch(K key) {
        var batch = new ArrayList<Caller<T, R>>();
        lanes.computeIfPresent(key, (k, lane) -> lane.take(maxBatch, batch));
        try {
            var items = new ArrayList<T>(batch.size());
            batch.forEach(caller -> items.add(caller.item));
            var results = work.apply(key, items);
            if (results.size() != batch.size()) {
                throw new IllegalStateException(results.size() + " results for " + batch.size() + " items");
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer(results.get(i));
            }
        } catch (RuntimeException | Error failure) {
            batch.forEach(caller -> caller.fail(failure));
        } finally {
            handOver(key, batch.size());
        }
    }

    /** The next queued caller runs the next batch; a lane with nobody queued goes away. */
    private void handOver(K key, int done) {
        var next = new ArrayList<Caller<T, R>>(1);
        lanes.computeIfPresent(key, (k, lane) -> {
            lane.callers -= done;
            lane.leader = lane.queue.peekFirst();
            if (lane.leader == null) {
                return null;
            }
            next.add(lane.leader);
            return lane;
        });
        next.forEach(Caller::takeTurn);
    }

    /** The key is too busy to take the item now; it was not worked, and may be submitted again later. */
    static final class Busy extends RuntimeException {

        Busy(String message) {
            super(message);
        }
    }

    private static final class Lane<T, R> {

        private final ArrayDeque<Caller<T, R>> queue = new ArrayDeque<>();
        private Caller<T, R> leader;
        /** Callers queued or in the running batch. */
        private int callers;

        /** Queues the caller, and whether it leads: it does when nobody else does. */
        boolean join(Caller<T, R> caller) {
            callers++;
            queue.addLast(caller);
            if (leader == null) {
                leader = caller;
            }
            return leader == caller;
        }

        /** Moves up to {@code max} queued callers, first come first, to the batch. */
        Lane<T, R> take(int max, List<Caller<T, R>> batch) {
            while (batch.size() < max && !queue.isEmpty()) {
                batch.add(queue.pollFirst());
            }
            return this;
        }
    }

    /** A waiting caller: told either that its turn to run a batch has come, or its result. */
    private static final class Caller<T, R> {

        private static final Object TURN = new Object();

        private final T item;
        private final CompletableFuture<Object> signal = new CompletableFuture<>();
        private final CompletableFuture<R> outcome = new CompletableFuture<>();

        Caller(T item) {
            this.item = item;
        }

        boolean awaitTurnOrResult() {
            return signal.join() == TURN;
        }

        boolean awaitTurnOrResult(Duration timeout) throws TimeoutException {
            try {
                return signal.get(timeout.toNanos(), TimeUnit.NANOSECONDS) == TURN;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return awaitTurnOrResult();
            } catch (ExecutionException e) {
                throw new IllegalStateException("The signal never fails", e);
            }
        }

        void takeTurn() {
            signal.complete(TURN);
        }

        void answer(R result) {
            outcome.complete(result);
            signal.complete(result);
        }

        void fail(Throwable failure) {
            outcome.completeExceptionally(failure);
            signal.complete(failure);
        }

        R result() {
            try {
                return outcome.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
