package io.eventfold.command.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * Remembers since when the relay has seen each gap of its token, to tell a position a transaction may still
 * commit from one that no transaction will.
 * <p>
 * A gap is a position the sequence handed out whose event the relay has not read: its transaction is still
 * running, committed after the relay's last fetch, or rolled back. Every command-service transaction is bounded
 * ({@link WriterTimeouts}), and the writer that drew a gap's position had drawn it before the relay could see
 * the gap (some later position had committed). So once a gap is older than the window, its writer has ended:
 * if its position has no stored event then, it never will, and the gap no longer holds the watermark. If it has
 * one, the event committed and the relay has not published it yet: the gap holds the watermark until it has.
 * <p>
 * In memory only: after a restart every gap counts as new, which holds watermarks longer, never less.
 */
final class GapClock {

    /** Which of the given positions have a stored event, read after they were found older than the window. */
    @FunctionalInterface
    interface StoredPositions {
        Collection<Long> among(List<Long> positions);
    }

    private final long windowNanos;
    private final NavigableMap<Long, Sighting> sightings = new TreeMap<>();

    GapClock(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /**
     * The position up to which every event is on the topic once every event of this token is: below its oldest
     * gap that may still be filled, or the token's position.
     *
     * @param now    {@link System#nanoTime()}, or a test's clock
     * @param stored asked only about gaps older than the window, each until it is found without an event
     */
    synchronized long completeUpTo(TrackingToken token, long now, StoredPositions stored) {
        var bound = WrappedToken.unwrapLowerBound(token);
        long position = bound.position().orElseThrow(
                () -> new IllegalStateException("Token without position: " + token));
        SortedSet<Long> gaps = bound instanceof GapAwareTrackingToken gapAware
                ? gapAware.getGaps() : Collections.emptySortedSet();
        // Filled, or given up by Axon. Gaps above this token's position may be a newer token's: kept.
        sightings.headMap(position, true).keySet().removeIf(gap -> !gaps.contains(gap));
        for (long gap : gaps) {
            sightings.computeIfAbsent(gap, key -> new Sighting(now));
        }
        var aged = new ArrayList<Long>();
        for (long gap : gaps) {
            var sighting = sightings.get(gap);
            if (sighting.abandoned) {
                continue;
            }
            if (now - sighting.firstSeen < windowNanos) {
                break;
            }
            aged.add(gap);
        }
        if (!aged.isEmpty()) {
            var present = new HashSet<>(stored.among(aged));
            for (long gap : aged) {
                if (!present.contains(gap)) {
                    sightings.get(gap).abandoned = true;
                }
            }
        }
        for (long gap : gaps) {
            if (!sightings.get(gap).abandoned) {
                return gap - 1;
            }
        }
        return position;
    }

    private static final class Sighting {

        final long firstSeen;
        boolean abandoned;

        Sighting(long firstSeen) {
            this.firstSeen = firstSeen;
        }
    }
}
