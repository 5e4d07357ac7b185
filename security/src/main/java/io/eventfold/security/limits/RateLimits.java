package io.eventfold.security.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.eventfold.security.limits.RateLimitProperties.Rate;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Token buckets (Bucket4j) per caller and limit, in a bounded cache: a request over its caller's rate is answered
 * 429 with Retry-After before its handler runs, while every other caller is served as before. Runs after
 * authentication, so a caller is who its token says (its subject), never what it claims elsewhere.
 */
final class RateLimits implements HandlerInterceptor {

    private static final String ORGANIZER = "ROLE_ORGANIZER";
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;
    private final AntPathMatcher paths = new AntPathMatcher();

    RateLimits(RateLimitProperties properties) {
        this.properties = properties;
        this.buckets = Caffeine.newBuilder().maximumSize(properties.callers()).expireAfterAccess(properties.idle())
                .build();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var limit = limitOf(request, authentication);
        if (limit == null || limit.rate().off()) {
            return true;
        }
        var caller = authentication instanceof JwtAuthenticationToken token
                ? "sub:" + token.getName() : "addr:" + request.getRemoteAddr();
        var bucket = buckets.get(limit.name() + " " + caller, key -> bucket(limit.rate()));
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        throw new TooManyRequestsException(limit.name(), seconds);
    }

    private record Limit(String name, Rate rate) {
    }

    private Limit limitOf(HttpServletRequest request, Authentication authentication) {
        var method = request.getMethod();
        var path = request.getServletPath();
        if (method.equals("GET")) {
            return properties.readPaths().stream().anyMatch(pattern -> paths.match(pattern, path))
                    ? new Limit("read", properties.reads()) : null;
        }
        if (!(method.equals("POST") || method.equals("PUT") || method.equals("DELETE")) || !path.startsWith("/api/")) {
            return null;
        }
        boolean organizer = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> ORGANIZER.equals(authority.getAuthority()));
        return organizer ? new Limit("organizer write", properties.organizerWrites())
                : new Limit("write", properties.writes());
    }

    private static Bucket bucket(Rate rate) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(rate.burst())
                .refillGreedy(rate.perSecond(), Duration.ofSeconds(1)).build()).build();
    }
}
