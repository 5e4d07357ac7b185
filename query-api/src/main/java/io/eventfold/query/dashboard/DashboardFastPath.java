package io.eventfold.query.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Answers the hottest request of the product, a dashboard that is there and fresh enough, before Spring
 * MVC's dispatch, whose handler lookup, argument resolution and filters cost more than the read itself
 * (docs/benchmarks.md). Anything else (no such row, a wait
 * for {@code minVersion}, a malformed parameter) goes on to {@link DashboardController}, which answers
 * it exactly as before. Runs after the observation filter, so these requests are still measured.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DashboardFastPath extends OncePerRequestFilter {

    private static final String PREFIX = "/api/events/";
    private static final String SUFFIX = "/dashboard";

    private final DashboardCache dashboards;

    DashboardFastPath(DashboardCache dashboards) {
        this.dashboards = dashboards;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var eventId = eventIdOf(request);
        var minVersion = minVersionOf(request);
        if (eventId != null && minVersion != null) {
            var gzip = DashboardRows.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
            Optional<DashboardRows.Row> row;
            try {
                row = dashboards.read(eventId, gzip, minVersion);
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
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
