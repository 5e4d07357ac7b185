package io.eventfold.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers tokens its delegate validated, each until it expires (at most {@link #LONGEST}), so that a client
 * repeating its token is not verified again: checking a signature costs more than a cached dashboard read.
 * Refused tokens are never remembered, and a remembered one is forgotten at its {@code exp}.
 */
final class CachingJwtDecoder implements JwtDecoder {

    static final Duration LONGEST = Duration.ofMinutes(10);

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> validated;

    CachingJwtDecoder(JwtDecoder delegate, int size, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.validated = Caffeine.newBuilder().maximumSize(size).ticker(() -> nanos(clock))
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, clock)))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        var known = validated.getIfPresent(token);
        if (known != null) {
            return known;
        }
        var jwt = delegate.decode(token);
        if (!untilExpiry(jwt, clock).isZero()) {
            validated.put(token, jwt);
        }
        return jwt;
    }

    private static Duration untilExpiry(Jwt jwt, Clock clock) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return Duration.ZERO;
        }
        var left = Duration.between(clock.instant(), expires);
        return left.compareTo(LONGEST) > 0 ? LONGEST : left.isNegative() ? Duration.ZERO : left;
    }

    private static long nanos(Clock clock) {
        var now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
