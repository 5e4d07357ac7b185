package io.eventfold.security.limits;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests each caller (a token's subject; the client address without one) may send: so many a second on
 * average, refilled evenly, with room for a burst. {@code writes}: every POST, PUT and DELETE under {@code /api/},
 * for callers other than organizers, who run their organizations' conferences (imports, back offices) and get
 * {@code organizerWrites}. {@code reads}: GETs of {@code readPaths} (the expensive ones: searches and counts).
 * A rate of 0 turns that limit off. {@code callers}: how many callers' buckets are kept at most; an idle caller's
 * is forgotten after {@code idle}.
 */
@ConfigurationProperties("eventfold.limits")
public record RateLimitProperties(
        @DefaultValue("10") int writesPerSecond,
        @DefaultValue("30") int writesBurst,
        @DefaultValue("1000") int organizerWritesPerSecond,
        @DefaultValue("2000") int organizerWritesBurst,
        @DefaultValue("50") int readsPerSecond,
        @DefaultValue("200") int readsBurst,
        @DefaultValue List<String> readPaths,
        @DefaultValue("100000") int callers,
        @DefaultValue("10m") Duration idle) {

    public RateLimitProperties {
        readPaths = List.copyOf(readPaths);
        new Rate(writesPerSecond, writesBurst);
        new Rate(organizerWritesPerSecond, organizerWritesBurst);
        new Rate(readsPerSecond, readsBurst);
    }

    Rate writes() {
        return new Rate(writesPerSecond, writesBurst);
    }

    Rate organizerWrites() {
        return new Rate(organizerWritesPerSecond, organizerWritesBurst);
    }

    Rate reads() {
        return new Rate(readsPerSecond, readsBurst);
    }

    /** {@code perSecond} requests a second on average, up to {@code burst} at once; 0 a second: no limit. */
    record Rate(int perSecond, int burst) {

        Rate {
            if (perSecond < 0 || burst < perSecond) {
                throw new IllegalArgumentException("eventfold.limits: a rate needs per-second >= 0 and burst >= "
                        + "per-second, not " + perSecond + " and " + burst);
            }
        }

        boolean off() {
            return perSecond == 0;
        }
    }
}
