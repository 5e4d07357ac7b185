package io.eventfold.query.freshness;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for numbers that only grow (a dashboard's version, the applied position) to reach a minimum. One
 * thread reads every awaited number in one query per tick: under a steady stream of read-your-writes
 * requests, each waiting for the projector, the database sees one small read every tick instead of one read
 * (of a whole dashboard document) per waiting request per tick. The thread sleeps while nobody waits.
 * Once it is told of every change ({@link #signalled}), it reads after each change instead, and only
 * rarely otherwise: ticking, every instance behind a load balancer reads 500 times a second while anyone waits.
 * A wait still ends at its own deadline, without a read: not up to a safety-net tick late, and waits sent one
 * after another are answered one after another rather than all at the next read.
 */
public final class Watcher<K> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Watcher.class);
    /** Waits whose deadlines fall this close together end in one wake: few wakes, none late by more. */
    private static final long EXPIRY_STEP = TimeUnit.MILLISECONDS.toNanos(1);

    private record Waiting<K>(K key, long minimum, long deadline, CompletableFuture<Boolean> reached) {
    }

    private final Function<Set<K>, Map<K, Long>> read;
    private final Duration maxWait;
    private final long tickNanos;
    private final long signalledTickNanos;
    private volatile boolean signalled;
    private final ConcurrentLinkedQueue<Waiting<K>> waiting = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private boolean failing;
    /** Set by whatever may have changed the numbers or added a wait: the next wake reads, not only expires. */
    private final AtomicBoolean readDue = new AtomicBoolean();

    /**
     * {@code read}: the current numbers of the given keys; a key it leaves out counts as not there yet.
     * {@code signalledTick}: the tick while {@link #changed()} is called on every change, a safety net only.
     */
    Watcher(String name, Function<Set<K>, Map<K, Long>> read, Duration maxWait, Duration tick,
            Duration signalledTick) {
        this.read = read;
        this.maxWait = maxWait;
        this.tickNanos = tick.toNanos();
        this.signalledTickNanos = signalledTick.toNanos();
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether {@code key}'s number reached {@code minimum} within the allowed wait. */
    public boolean await(K key, long minimum) {
        var reached = reached(key, minimum);
        try {
            // The watcher answers false at the deadline; the margin only guards against a stalled read.
            return reached.get(maxWait.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } finally {
            reached.complete(false);
        }
    }

    /**
     * Completes with whether {@code key}'s number reached {@code minimum} within the allowed wait, on this
     * watcher's thread: a caller holds no thread meanwhile, and must not do slow work where it is completed.
     */
    public CompletableFuture<Boolean> reached(K key, long minimum) {
        var reached = new CompletableFuture<Boolean>();
        waiting.add(new Waiting<>(key, minimum, System.nanoTime() + maxWait.toNanos(), reached));
        readDue.set(true);
        // Wakes the watcher if it sleeps because nobody waited.
        LockSupport.unpark(thread);
        return reached;
    }

    /** Whether {@link #changed()} is now called after every change of the numbers. */
    void signalled(boolean signalled) {
        this.signalled = signalled;
        readDue.set(true);
        LockSupport.unpark(thread);
    }

    /** The numbers may have changed: waits are checked now rather than at the next tick. */
    void changed() {
        readDue.set(true);
        LockSupport.unpark(thread);
    }

    private void run() {
        long nextRead = System.nanoTime();
        while (!closed) {
            if (waiting.isEmpty()) {
                LockSupport.park(this);
                continue;
            }
            long now = System.nanoTime();
            expire(now);
            if (!waiting.isEmpty() && (readDue.getAndSet(false) || now - nextRead >= 0)) {
                try {
                    read();
                    failing = false;
                } catch (RuntimeException e) {
                    // A failed read (database restarting) is tried again next tick, until each wait's deadline.
                    if (!failing) {
                        log.warn("Reading awaited values failed; retrying every tick", e);
                    }
                    failing = true;
                }
                // A failed read is retried at the short tick: the change it missed will not be signalled again.
                nextRead = now + (signalled && !failing ? signalledTickNanos : tickNanos);
            }
            // Each wait ends at its own deadline, not at the next read: waits registered one after another end
            // one after another (at most a millisecond's worth together), and none is answered a tick late.
            long wake = Math.min(nextRead, Math.max(earliestDeadline(), System.nanoTime() + EXPIRY_STEP));
            // A change signalled meanwhile left a permit: the park returns at once and reads again.
            LockSupport.parkNanos(this, wake - System.nanoTime());
        }
    }

    private void expire(long now) {
        waiting.removeIf(w -> w.reached().isDone() || now - w.deadline() >= 0 && w.reached().complete(false));
    }

    private long earliestDeadline() {
        long earliest = System.nanoTime() + maxWait.toNanos();
        for (var w : waiting) {
            if (w.deadline() - earliest < 0) {
                earliest = w.deadline();
            }
        }
        return earliest;
    }

    private void read() {
        var keys = new HashSet<K>();
        waiting.forEach(w -> keys.add(w.key()));
        var values = read.apply(keys);
        waiting.removeIf(w -> {
            Long value = values.get(w.key());
            return value != null && value >= w.minimum() && w.reached().complete(true);
        });
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
