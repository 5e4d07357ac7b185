package io.eventfold.query.dashboard;

import io.eventfold.query.freshness.Freshness;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final Freshness freshness;

    DashboardController(JdbcClient jdbc, Freshness freshness) {
        this.jdbc = jdbc;
        this.freshness = freshness;
    }

    record Row(long version, String document, String etag) {
    }

    @GetMapping(path = "/api/events/{eventId}/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "The dashboard document")
    @ApiResponse(responseCode = "304", description = "Unchanged since the If-None-Match tag")
    @ApiResponse(responseCode = "404", description = "Unknown event",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "minVersion not reached within the wait",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<String> dashboard(
            @PathVariable String eventId,
            @Parameter(description = "Wait until the dashboard shows at least this version (read your writes)")
            @RequestParam(required = false) Long minVersion,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Optional<Row> row = minVersion == null ? read(eventId)
                : freshness.awaitFresh(() -> read(eventId), r -> r.isPresent() && r.get().version() >= minVersion)
                        .orElseThrow(() -> freshness.behind(behind(eventId, minVersion)));
        var found = row.orElseThrow(() -> new UnknownEventException(eventId));
        if (ifNoneMatch != null && ifNoneMatch.contains(found.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(found.etag()).build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(found.etag()).body(found.document());
    }

    private Optional<Row> read(String eventId) {
        return jdbc.sql("select version, document, etag from dashboard where event_id = ?")
                .param(eventId)
                .query(Row.class)
                .optional();
    }

    private String behind(String eventId, long minVersion) {
        return read(eventId).map(r -> "Event " + eventId + " is at version " + r.version() + ", not yet "
                + minVersion).orElse("Event " + eventId + " is not in the read model yet");
    }
}
