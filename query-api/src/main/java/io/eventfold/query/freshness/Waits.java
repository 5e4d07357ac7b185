package io.eventfold.query.freshness;

import io.eventfold.query.web.Problems;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-your-writes waits that hold no request thread: the request is put in servlet async mode, its thread
 * goes back to the pool, and once the wait ends a few threads of this class's own read and write the answer
 * (so waiting reads never take the threads ordinary reads need). It answers directly, without dispatching the
 * request again: the token was checked and the caller resolved on the request's own thread. At most
 * {@code eventfold.query.max-waiters} reads wait at once on this instance; one more gets 503 at once.
 */
@Component
public class Waits implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Waits.class);
    /** Reads their answer once the wait ends: each holds a connection, so a few, leaving the rest of the pool. */
    private static final int ANSWERING_THREADS = 4;
    /** A wait the watcher failed to end is ended this much after its deadline. */
    private static final Duration MARGIN = Duration.ofSeconds(1);

    /** Writes the answer once the wait ended; {@code reached}: whether the minimum was reached in time. */
    public interface Answer {
        void writeTo(HttpServletResponse response, boolean reached) throws IOException;
    }

    private final int maxWaiters;
    private final Semaphore waiters;
    private final Duration maxWait;
    private final ExecutorService answering;
    private final Problems problems;

    Waits(FreshnessProperties properties, JsonMapper json, MeterRegistry registry) {
        this.maxWaiters = properties.maxWaiters();
        this.waiters = new Semaphore(maxWaiters);
        this.maxWait = properties.maxWait();
        this.problems = new Problems(json);
        this.answering = Executors.newFixedThreadPool(ANSWERING_THREADS, task -> {
            var thread = new Thread(task, "read-your-writes-answers");
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("eventfold.query.waiting.reads", this, Waits::waiting)
                .description("minVersion / minPosition reads waiting now").register(registry);
    }

    /** How many reads wait now. */
    public int waiting() {
        return maxWaiters - waiters.availablePermits();
    }

    public Problems problems() {
        return problems;
    }

    /**
     * Returns at once; {@code answer} is called once {@code wait} completes. 503 (thrown here) if as many reads
     * wait already as may.
     */
    public void answerAfter(Supplier<CompletableFuture<Boolean>> wait, HttpServletRequest request, Answer answer) {
        if (!waiters.tryAcquire()) {
            throw new TooManyWaitsException(maxWaiters);
        }
        var released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                waiters.release();
            }
        };
        AsyncContext async;
        try {
            async = request.startAsync();
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        // Never reached: every answer completes it well before. Only a safety net against a leaked request.
        async.setTimeout(maxWait.plus(MARGIN).multipliedBy(2).toMillis());
        async.addListener(new Releasing(release));
        var asyncResponse = (HttpServletResponse) async.getResponse();
        long safety = maxWait.plus(MARGIN).toMillis();
        // Should a filter not tell, the answer is late, never written from two threads at once.
        var left = DispatchEnd.of(request).completeOnTimeout(null, safety, TimeUnit.MILLISECONDS);
        wait.get().completeOnTimeout(false, safety, TimeUnit.MILLISECONDS).thenCombine(left, (reached, x) -> reached)
                .whenCompleteAsync((reached, failure) -> answer(async, asyncResponse, release,
                        () -> answer.writeTo(asyncResponse, failure == null && reached)), answering);
    }

    private interface Writing {
        void run() throws IOException;
    }

    private void answer(AsyncContext async, HttpServletResponse response, Runnable release, Writing writing) {
        try {
            writing.run();
        } catch (ReadModelBehindException behind) {
            long left = behind.answerAt() - System.nanoTime();
            if (left > 0) {
                // Answered no sooner than a wait that never ends, on no thread meanwhile.
                Executor later = CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS, answering);
                later.execute(() -> answer(async, response, release, () -> {
                    throw behind;
                }));
                return;
            }
            fail(async, response, behind);
        } catch (IOException | RuntimeException failed) {
            fail(async, response, failed);
        }
        finish(async, release);
    }

    private void fail(AsyncContext async, HttpServletResponse response, Throwable failure) {
        try {
            problems.failure((HttpServletRequest) async.getRequest(), response, failure);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not answer a waiting read (client gone?)", e);
        }
    }

    private static void finish(AsyncContext async, Runnable release) {
        try {
            async.complete();
        } catch (IllegalStateException alreadyCompleted) {
            log.debug("A waiting read was already completed", alreadyCompleted);
        } finally {
            release.run();
        }
    }

    @Override
    public void destroy() {
        answering.shutdownNow();
    }

    /** Gives the place back however the request ends, a client gone or the safety timeout included. */
    private record Releasing(Runnable release) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
