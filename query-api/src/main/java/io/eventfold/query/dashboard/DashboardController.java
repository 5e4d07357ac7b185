package io.eventfold.query.dashboard;

import io.eventfold.query.freshness.Freshness;
import io.eventfold.query.freshness.FreshnessProperties;
import io.eventfold.query.freshness.Waits;
import io.eventfold.query.freshness.Watcher;
import io.eventfold.query.web.InvalidParameterException;
import io.eventfold.security.Caller;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard of one conference event: one primary-key read of a precomputed document, returned as the
 * stored text without parsing it, or without its personal data to those who may not see it (a copy made once).
 * A conference the caller may not see is answered exactly as one that does not exist.
 */
@RestController
class DashboardController {

    static final String PATH = "/api/events/{eventId}/dashboard";

    private final DashboardCache dashboards;
    private final Freshness freshness;
    private final Watcher<String> versions;
    private final Duration maxWait;
    private final Waits waits;

    DashboardController(DashboardRows rows, DashboardCache dashboards, Freshness freshness, Waits waits,
                        FreshnessProperties properties) {
        this.waits = waits;
        this.dashboards = dashboards;
        this.freshness = freshness;
        this.versions = freshness.watcher("dashboard-version-watcher", rows::versions);
        this.maxWait = properties.maxWait();
    }

    /**
     * Every answer of this endpoint, though a fresh 200 or 304 is usually given before it, by
     * {@link DashboardFastPath}; this method answers the rest (waits, 404, 503, 400) and documents the API.
     */
    @GetMapping(PATH)
    @ApiResponse(responseCode = "200", description = "The dashboard document; for readers and attendees "
            + "without the recent registrants' userId, name and email",
            content = @Content(mediaType = "application/json"))
    @ApiResponse(responseCode = "304", description = "Unchanged since the If-None-Match tag")
    @ApiResponse(responseCode = "404", description = "Unknown event, or one this token may not see",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "minVersion not reached within the wait, or too many reads "
            + "waiting on this instance (at once)",
            content = @Content(mediaType = "application/problem+json"))
    void dashboard(
            @PathVariable String eventId,
            @Parameter(description = "Wait until the dashboard shows at least this version (read your writes)")
            @RequestParam(required = false) Long minVersion,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            @Parameter(hidden = true) Caller caller,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        InvalidParameterException.notNegative("minVersion", minVersion);
        boolean gzip = DashboardRows.acceptsGzip(acceptEncoding);
        if (minVersion == null) {
            dashboards.fresh(eventId, gzip, caller).orElseThrow(() -> new UnknownEventException(eventId))
                    .writeTo(response, ifNoneMatch);
            return;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        // A fresh enough dashboard was answered by the fast path: the wait polls only versions, then one read.
        waits.answerAfter(() -> versions.reached(eventId, minVersion), request, (answer, reached) -> {
            if (!reached) {
                throw freshness.behind(behind(eventId));
            }
            var row = dashboards.fresh(eventId, gzip, caller);
            if (row.isEmpty()) {
                // Reached, but not for this caller: answered as a wait for a conference that never comes.
                throw freshness.behindAt(behind(eventId), deadline);
            }
            row.get().writeTo(answer, ifNoneMatch);
        });
    }

    /**
     * Worded without reading the row again: when hundreds of waits end together, a query each for their messages
     * held up ordinary reads. It says the same whether the event is unknown, hidden from the caller or behind.
     */
    private static String behind(String eventId) {
        return "Event " + eventId + " has not reached the version asked for";
    }
}
