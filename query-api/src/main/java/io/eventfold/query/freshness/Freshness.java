package io.eventfold.query.freshness;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: re-reads until the answer satisfies the caller's minimum, with a short growing pause
 * between reads, for at most {@code eventfold.query.max-wait}.
 */
@Component
public class Freshness {

    private final FreshnessProperties properties;

    Freshness(FreshnessProperties properties) {
        this.properties = properties;
    }

    /** The first read that is fresh enough, or empty when none was within the allowed wait. */
    public <T> Optional<T> awaitFresh(Supplier<T> read, Predicate<T> freshEnough) {
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        long pauseMillis = 2;
        while (true) {
            var value = read.get();
            if (freshEnough.test(value)) {
                return Optional.of(value);
            }
            if (System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                return Optional.empty();
            }
            sleep(pauseMillis);
            // Capped low: a waiting read should see the write within a few ms of it landing.
            pauseMillis = Math.min(pauseMillis * 2, 10);
        }
    }

    public ReadModelBehindException behind(String detail) {
        return new ReadModelBehindException(detail, properties.maxWait());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the read model", e);
        }
    }
}
