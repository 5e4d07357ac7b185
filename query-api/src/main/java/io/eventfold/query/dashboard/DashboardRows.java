package io.eventfold.query.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a dashboard row and writes it to a response as stored, for the controller and its fast path. */
@Component
class DashboardRows {

    /** {@code gzipped}: the body is the stored compressed document, sent with its content encoding. */
    record Row(long version, String etag, boolean gzipped, byte[] body) {

        /** The compressed form is another representation, so it has its own strong tag. */
        String tag() {
            return gzipped ? etag.substring(0, etag.length() - 1) + "-gzip\"" : etag;
        }

        /** The stored bytes, straight to the response: no message converter, no content negotiation. */
        void writeTo(HttpServletResponse response, String ifNoneMatch) throws IOException {
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            response.setHeader(HttpHeaders.ETAG, tag());
            if (ifNoneMatch != null && ifNoneMatch.contains(tag())) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            if (gzipped) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private final JdbcClient jdbc;

    DashboardRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.contains("gzip");
    }

    /**
     * One primary-key read; of the document only one form leaves the database. The projector stores the gzip
     * form alone, so a client that does not take gzip (rare: every browser does) gets it inflated here; a row
     * written before that (read-model V12) may hold only the text, which every client can take.
     */
    Optional<Row> read(String eventId, boolean gzip) {
        return jdbc.sql(gzip
                        ? "select version, etag, document_gzip, case when document_gzip is null then document end "
                                + "from dashboard where event_id = ?"
                        : "select version, etag, case when document is null then document_gzip end, document "
                                + "from dashboard where event_id = ?")
                .param(eventId)
                .query((rs, n) -> row(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4), gzip))
                .optional();
    }

    private static Row row(long version, String etag, byte[] compressed, String text, boolean gzip) {
        if (text != null) {
            return new Row(version, etag, false, text.getBytes(StandardCharsets.UTF_8));
        }
        return gzip ? new Row(version, etag, true, compressed) : new Row(version, etag, false, inflate(compressed));
    }

    private static byte[] inflate(byte[] gzip) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The stored dashboard is not valid gzip", e);
        }
    }

    /** The versions of these dashboards, without their documents: what a read waiting for its write polls. */
    Map<String, Long> versions(Set<String> eventIds) {
        return byEventId("version", eventIds, (rs, n) -> rs.getLong(2));
    }

    /** The entity tags of these dashboards: whether a copy of one is still current. */
    Map<String, String> etags(Set<String> eventIds) {
        return byEventId("etag", eventIds, (rs, n) -> rs.getString(2));
    }

    private <V> Map<String, V> byEventId(String column, Set<String> eventIds, RowMapper<V> value) {
        var values = new HashMap<String, V>();
        jdbc.sql("select event_id, " + column + " from dashboard where event_id = any(?)")
                .param(eventIds.toArray(String[]::new))
                .query(rs -> {
                    values.put(rs.getString(1), value.mapRow(rs, rs.getRow()));
                });
        return values;
    }
}
