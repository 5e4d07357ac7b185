package io.eventfold.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.query.freshness.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Reads waiting for versions that never come hold no request thread: with far fewer request threads than
 * waiting reads, ordinary reads are still answered quickly, and a waiting read beyond the bound is refused at once.
 * Prints the figures; the bounds asserted are generous, for a small and busy machine.
 */
@TestPropertySource(properties = {"eventfold.query.max-wait=4s", "eventfold.query.max-waiters=500",
        "server.tomcat.threads.max=16"})
class WaitingReadsLoadIT extends DashboardTestBase {

    private static final int WAITERS = 500;
    private static final int READERS = 4;

    @Autowired
    Waits waits;
    /** Each waiting read holds one while it waits; all started before, none while the waits are sent or answered. */
    private final ThreadPoolExecutor senders = new ThreadPoolExecutor(WAITERS + 30, WAITERS + 30, 1,
            TimeUnit.MINUTES, new LinkedBlockingQueue<>());
    private volatile long sentAt;

    private record Answer(int status, String contentType, String retryAfter, String body, long millis) {

        boolean refusedAtOnce() {
            return body.contains("Too many waiting reads");
        }
    }

    @AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    @Test
    void ordinary_reads_stay_fast_and_every_waiter_gets_503_after_its_wait_or_at_once_beyond_the_bound()
            throws Exception {
        rows.dashboard("hot", "acme", "PUBLISHED", "2027-01-01", "2027-01-02", 1);
        // The waiters and the readers are different clients: one client's connection handling holds up neither.
        var http = client();
        var readerHttp = client();
        senders.prestartAllCoreThreads();
        for (int i = 0; i < 100; i++) {
            exchange(readerHttp, "/api/events/hot/dashboard");
        }

        long sent = System.nanoTime();
        sentAt = sent;
        var waiting = new ArrayList<CompletableFuture<Answer>>();
        for (int i = 0; i < WAITERS; i++) {
            // Half on a dashboard that exists, half on ones that never will.
            waiting.add(send(http, i % 2 == 0 ? "/api/events/hot/dashboard?minVersion=1000"
                    : "/api/events/ghost-" + i + "/dashboard?minVersion=1"));
        }
        var allWaiting = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waits.waiting() < WAITERS && System.nanoTime() < allWaiting) {
            pause(5);
        }
        assertThat(waits.waiting()).as("reads waiting").isEqualTo(WAITERS);
        var waited = CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new));
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var failures = Collections.synchronizedList(new ArrayList<Answer>());
        var readers = Executors.newFixedThreadPool(READERS);
        for (int r = 0; r < READERS; r++) {
            int reader = r;
            // Until the waits have ended and a little after: their answers are read and written meanwhile.
            readers.submit(() -> read(readerHttp, reader == 0, waited, latencies, failures));
        }
        System.out.printf("%d reads waiting %d ms after the first was sent%n", WAITERS, millisSince(sent));
        var beyond = new ArrayList<Answer>();
        // Only while every place is taken: once the first waits end, one more may wait again.
        while (waits.waiting() == WAITERS && beyond.size() < 20) {
            beyond.add(send(http, "/api/events/hot/dashboard?minVersion=1000").join());
            pause(20);
        }
        readers.shutdown();
        assertThat(readers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        var answers = waiting.stream().map(CompletableFuture::join).toList();

        var sorted = latencies.stream().sorted().toList();
        System.out.printf("Ordinary reads while %d reads waited: %d, p50 %d ms, p99 %d ms, max %d ms, failed %d%n",
                WAITERS, sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1),
                failures.size());
        var atOnce = beyond.stream().filter(Answer::refusedAtOnce).toList();
        System.out.printf("Waiting reads: %d answered 503 after %d..%d ms; %d more refused 503 at once in %d..%d ms%n",
                answers.size(), min(answers), max(answers), atOnce.size(), min(atOnce), max(atOnce));
        assertThat(failures).isEmpty();
        assertThat(sorted.size()).isGreaterThan(100);
        // Were waiting reads to hold the 16 request threads, ordinary reads would wait for the 4 s waits to end.
        assertThat(percentile(sorted, 99)).as("p99 of ordinary reads, ms").isLessThan(2_000);
        assertThat(answers).allSatisfy(answer -> {
            assertProblem503(answer);
            assertThat(answer.body()).contains("Read model is behind");
            assertThat(answer.millis()).isGreaterThanOrEqualTo(3_900);
        });
        assertThat(beyond).allSatisfy(WaitingReadsLoadIT::assertProblem503);
        // Refused without waiting: well before the 4 s a waiting read would take (a loaded machine is slow).
        assertThat(beyond).filteredOn(Answer::refusedAtOnce).isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.millis()).as(answer.toString()).isLessThan(3_000));
        assertThat(waits.waiting()).isZero();
        assertThat(send(http, "/api/events/hot/dashboard?minVersion=1").join().status()).isEqualTo(200);
    }

    private void read(HttpClient http, boolean searches, CompletableFuture<Void> waited, List<Long> latencies,
                      List<Answer> failures) {
        long until = Long.MAX_VALUE;
        while (System.nanoTime() < until) {
            var answer = exchange(http, searches ? "/api/events/search?org_id=acme" : "/api/events/hot/dashboard");
            latencies.add(answer.millis());
            if (answer.millis() > 200) {
                System.out.printf("slow read (%s): %d ms, ended %d ms after the waiters were sent%n",
                        searches ? "search" : "dashboard", answer.millis(), millisSince(sentAt));
            }
            if (answer.status() != 200) {
                failures.add(answer);
            }
            if (searches) {
                // Searches have a rate per caller (50 a second): this reader stays within it.
                pause(25);
            }
            if (waited.isDone() && until == Long.MAX_VALUE) {
                until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            }
        }
    }

    private static void assertProblem503(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.retryAfter()).isEqualTo("1");
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).build();
    }

    /**
     * On a thread of a pool that keeps its threads: HttpClient.sendAsync hands each response to the common
     * pool, which on a two-core machine starts a thread per response, and 500 of them at once slow every thread.
     */
    private CompletableFuture<Answer> send(HttpClient http, String path) {
        return CompletableFuture.supplyAsync(() -> exchange(http, path), senders);
    }

    /** Synchronous, so that no thread is started for its answer (see {@link #send}). */
    private Answer exchange(HttpClient http, String path) {
        var request = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + ORGANIZER).build();
        long started = System.nanoTime();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private static long min(List<Answer> answers) {
        return answers.stream().mapToLong(Answer::millis).min().orElse(-1);
    }

    private static long max(List<Answer> answers) {
        return answers.stream().mapToLong(Answer::millis).max().orElse(-1);
    }
}
