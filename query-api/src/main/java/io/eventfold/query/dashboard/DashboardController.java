package io.eventfold.query.dashboard;

import io.eventfold.query.freshness.Freshness;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    /** {@code gzip}: the stored compressed document, read instead of the text when the client accepts it. */
    record Row(long version, String etag, byte[] gzip, String document) {

        byte[] body() {
            return gzip != null ? gzip : document.getBytes(StandardCharsets.UTF_8);
        }

        /** The compressed form is another representation, so it has its own strong tag. */
        String tag() {
            return gzip == null ? etag : etag.substring(0, etag.length() - 1) + "-gzip\"";
        }
    }

    /**
     * Writes the stored bytes straight to the response: this is the hottest path of the product, and message
     * converters and content negotiation cost more than the read itself (measured with JFR).
     */
    @GetMapping("/api/events/{eventId}/dashboard")
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
        boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
        Optional<Row> row = minVersion == null ? read(eventId, gzip)
                : freshness.awaitFresh(() -> read(eventId, gzip), r -> r.isPresent()
                                && r.get().version() >= minVersion)
                        .orElseThrow(() -> freshness.behind(behind(eventId, minVersion)));
        var found = row.orElseThrow(() -> new UnknownEventException(eventId));
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        response.setHeader(HttpHeaders.ETAG, found.tag());
        if (ifNoneMatch != null && ifNoneMatch.contains(found.tag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (found.gzip() != null) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        var body = found.body();
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** One primary-key read; of the document only the form the client takes leaves the database. */
    private Optional<Row> read(String eventId, boolean gzip) {
        return jdbc.sql(gzip
                        ? "select version, etag, document_gzip, case when document_gzip is null then document end "
                                + "from dashboard where event_id = ?"
                        : "select version, etag, null, document from dashboard where event_id = ?")
                .param(eventId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
                .optional();
    }

    private String behind(String eventId, long minVersion) {
        return read(eventId, false).map(r -> "Event " + eventId + " is at version " + r.version() + ", not yet "
                + minVersion).orElse("Event " + eventId + " is not in the read model yet");
    }
}
