package io.eventfold.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final AtomicInteger verified = new AtomicInteger();

    @Test
    void a_repeated_token_is_verified_once_until_it_expires() {
        var decoder = new CachingJwtDecoder(expiringIn(Duration.ofMinutes(2)), 100, clock);

        decoder.decode("t1");
        decoder.decode("t1");
        clock.advance(Duration.ofSeconds(119));
        decoder.decode("t1");
        assertThat(verified).as("still valid: remembered").hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        decoder.decode("t1");
        assertThat(verified).as("past its exp: verified again").hasValue(2);
    }

    @Test
    void a_long_lived_token_is_verified_again_after_ten_minutes() {
        var decoder = new CachingJwtDecoder(expiringIn(Duration.ofDays(1)), 100, clock);

        decoder.decode("t1");
        clock.advance(CachingJwtDecoder.LONGEST.plusSeconds(1));
        decoder.decode("t1");

        assertThat(verified).hasValue(2);
    }

    @Test
    void a_refused_token_is_never_remembered() {
        JwtDecoder refusing = token -> {
            verified.incrementAndGet();
            throw new BadJwtException("bad signature");
        };
        var decoder = new CachingJwtDecoder(refusing, 100, clock);

        assertThatThrownBy(() -> decoder.decode("t1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("t1")).isInstanceOf(BadJwtException.class);
        assertThat(verified).hasValue(2);
    }

    @Test
    void the_cache_is_bounded() {
        var decoder = new CachingJwtDecoder(expiringIn(Duration.ofMinutes(5)), 10, clock);

        for (int i = 0; i < 1_000; i++) {
            decoder.decode("t" + i);
        }
        verified.set(0);
        for (int i = 0; i < 1_000; i++) {
            decoder.decode("t" + i);
        }

        assertThat(verified.get()).isGreaterThanOrEqualTo(990);
    }

    private JwtDecoder expiringIn(Duration ttl) {
        return token -> {
            verified.incrementAndGet();
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("s")
                    .issuedAt(clock.instant()).expiresAt(clock.instant().plus(ttl)).build();
        };
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
