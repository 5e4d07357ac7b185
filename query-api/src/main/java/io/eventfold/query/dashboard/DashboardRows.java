package io.eventfold.query.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
     * One primary-key read. The projector stores the document in its gzip form only, so a client that does not
     * take gzip (rare: every browser does) gets it inflated here.
     */
    Optional<Row> read(String conferenceId, boolean gzip) {
        return jdbc.sql("select version, etag, document_gzip from dashboard where conference_id = ?")
                .param(conferenceId)
                .query((rs, n) -> gzip ? new Row(rs.getLong(1), rs.getString(2), true, rs.getBytes(3))
                        : new Row(rs.getLong(1), rs.getString(2), false, inflate(rs.getBytes(3))))
                .optional();
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
        jdbc.sql("select conference_id, " + column + " from dashboard where conference_id = any(?)")
                .param(eventIds.toArray(String[]::new))
                .query(rs -> {
                    values.put(rs.getString(1), value.mapRow(rs, rs.getRow()));
                });
        return values;
    }
}
