package io.eventfold.query.dashboard;

import io.eventfold.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a dashboard row and writes it to a response as stored, for the controller and its fast path. */
@Component
class DashboardRows {

    /**
     * {@code organizationId} and {@code status}: who may see it ({@link Visibility}). {@code personal}: the body
     * is the stored document, else it is without personal data. {@code gzipped}: the body is compressed, sent
     * with its content encoding.
     */
    record Row(long version, String etag, String organizationId, String status, boolean personal, boolean gzipped,
               byte[] body) {

        /** Each form is another representation, so it has its own strong tag. */
        String tag() {
            if (personal && !gzipped) {
                return etag;
            }
            return etag.substring(0, etag.length() - 1) + (personal ? "" : "-public") + (gzipped ? "-gzip" : "")
                    + '"';
        }

        Visibility visibleTo(Caller caller) {
            return Visibility.of(caller, organizationId, status);
        }

        /** This dashboard without personal data, in the same encoding. */
        Row withoutPersonalData() {
            var text = PersonalData.removedFrom(gzipped ? PersonalData.inflate(body) : body);
            return new Row(version, etag, organizationId, status, false, gzipped,
                    gzipped ? PersonalData.gzip(text) : text);
        }

        /** The stored bytes, straight to the response: no message converter, no content negotiation. */
        void writeTo(HttpServletResponse response, String ifNoneMatch) throws IOException {
            // Each caller may see another form: no shared cache keeps it, and a browser asks again with the tag.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING + ", " + HttpHeaders.AUTHORIZATION);
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
        return jdbc.sql("""
                        select version, etag, organization_id, status, document_gzip from dashboard
                        where conference_id = ?""")
                .param(conferenceId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), true,
                        gzip, gzip ? rs.getBytes(5) : PersonalData.inflate(rs.getBytes(5))))
                .optional();
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
