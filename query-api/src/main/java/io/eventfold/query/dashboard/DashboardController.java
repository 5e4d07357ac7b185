package io.eventfold.query.dashboard;

import io.eventfold.query.freshness.Freshness;
import io.eventfold.query.freshness.Watcher;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard of one conference event: one primary-key read of a precomputed document, returned as the
 * stored text without parsing it.
 */
@RestController
class DashboardController {

    static final String PATH = "/api/events/{eventId}/dashboard";

    private final DashboardRows rows;
    private final DashboardCache dashboards;
    private final Freshness freshness;
    private final Watcher<String> versions;

    DashboardController(DashboardRows rows, DashboardCache dashboards, Freshness freshness) {
        this.rows = rows;
        this.dashboards = dashboards;
        this.freshness = freshness;
        this.versions = freshness.watcher("dashboard-version-watcher", rows::versions);
    }

    /**
     * Every answer of this endpoint, though a fresh 200 or 304 is usually given before it, by
     * {@link DashboardFastPath}; this method answers the rest (waits, 404, 503, 400) and documents the API.
     */
    @GetMapping(PATH)
    @ApiResponse(responseCode = "200", description = "The dashboard document",
            content = @Content(mediaType = "application/json"))
    @ApiResponse(responseCode = "304", description = "Unchanged since the If-None-Match tag")
    @ApiResponse(responseCode = "404", description = "Unknown event",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "minVersion not reached within the wait",
            content = @Content(mediaType = "application/problem+json"))
    void dashboard(
            @PathVariable String eventId,
            @Parameter(description = "Wait until the dashboard shows at least this version (read your writes)")
            @RequestParam(required = false) Long minVersion,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            HttpServletResponse response) throws IOException {
        boolean gzip = DashboardRows.acceptsGzip(acceptEncoding);
        // A fresh enough dashboard was answered by the fast path: the wait polls only versions, then one read.
        if (minVersion != null && !versions.await(eventId, minVersion)) {
            throw freshness.behind(behind(eventId, minVersion));
        }
        dashboards.fresh(eventId, gzip).orElseThrow(() -> new UnknownEventException(eventId))
                .writeTo(response, ifNoneMatch);
    }

    private String behind(String eventId, long minVersion) {
        var version = rows.versions(Set.of(eventId)).get(eventId);
        return version == null ? "Event " + eventId + " is not in the read model yet"
                : "Event " + eventId + " is at version " + version + ", not yet " + minVersion;
    }
}
