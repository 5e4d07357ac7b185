package io.eventfold.query.dashboard;

import io.eventfold.security.Caller;
import io.eventfold.security.CallerTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Answers the hottest request of the product, a dashboard that is there and fresh enough, before Spring
 * MVC's dispatch, whose handler lookup, argument resolution and filters cost more than the read itself
 * (docs/benchmarks.md). Anything else (no such row, one the caller may not see, a wait
 * for {@code minVersion}, a malformed parameter) goes on to {@link DashboardController}, which answers
 * it exactly as before. Runs after the observation filter, so these requests are still measured, and after
 * Spring Security's filter chain, so only a validated token of a role let in reaches it.
 */
@Component
class DashboardFastPath extends OncePerRequestFilter implements Ordered {

    private static final String PREFIX = "/api/events/";
    private static final String SUFFIX = "/dashboard";

    private final DashboardCache dashboards;
    private final CallerTokens tokens;
    private final int order;

    DashboardFastPath(DashboardCache dashboards, CallerTokens tokens, SecurityFilterProperties securityFilter) {
        this.dashboards = dashboards;
        this.tokens = tokens;
        // Wherever spring.security.filter.order puts the security chain, right after it.
        this.order = securityFilter.getOrder() + 1;
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var eventId = eventIdOf(request);
        var minVersion = minVersionOf(request);
        var caller = callerOf();
        if (eventId != null && minVersion != null && caller != null) {
            var gzip = DashboardRows.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
            Optional<DashboardRows.Row> row;
            try {
                row = dashboards.read(eventId, gzip, minVersion, caller);
            } catch (RuntimeException databaseFailed) {
                // Before Spring MVC, a failure would be a bare 500: the controller answers it (503 problem).
                row = Optional.empty();
            }
            if (row.isPresent() && row.get().version() >= minVersion) {
                ServerHttpObservationFilter.findObservationContext(request)
                        .ifPresent(context -> context.setPathPattern(DashboardController.PATH));
                row.get().writeTo(response, request.getHeader(HttpHeaders.IF_NONE_MATCH));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The caller whose token Spring Security validated; null if it did not (then this never answers). */
    private Caller callerOf() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()
                ? tokens.caller(token.getToken()) : null;
    }

    /** The plain id of {@code GET /api/events/{id}/dashboard}; null for any other request or an encoded id. */
    static String eventIdOf(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)
                || path.length() <= PREFIX.length() + SUFFIX.length()) {
            return null;
        }
        var id = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        return id.indexOf('/') >= 0 || id.indexOf('%') >= 0 || id.indexOf(';') >= 0 ? null : id;
    }

    /** {@code minVersion} as a number, 0 when absent; null when the controller should judge it. */
    private static Long minVersionOf(HttpServletRequest request) {
        var text = request.getParameter("minVersion");
        if (text == null) {
            return 0L;
        }
        try {
            long minVersion = Long.parseLong(text);
            // Left to the controller, which refuses it precisely.
            return minVersion < 0 ? null : minVersion;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
