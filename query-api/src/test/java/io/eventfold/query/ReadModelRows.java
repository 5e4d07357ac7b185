package io.eventfold.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shared test data: read-model rows as the projector would have written them. */
public final class ReadModelRows {

    private final JdbcClient jdbc;

    public ReadModelRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** As the projector writes it: the document in its gzip form only. */
    public void dashboard(String eventId, String org, String status, String start, String end, long version) {
        var compressed = gzip(document(eventId, org, status, version));
        upsertDashboard(eventId, org, status, start, end, version, compressed);
    }

    /** With a document of the test's own, as the projector would store it. */
    public void dashboard(String eventId, String org, String status, String start, String end, long version,
                          String document) {
        upsertDashboard(eventId, org, status, start, end, version, gzip(document));
    }

    public static String document(String eventId, String org, String status, long version) {
        return """
                {"event":{"id":"%s","organizationId":"%s","status":"%s"},"version":%d}"""
                .formatted(eventId, org, status, version);
    }

    private void upsertDashboard(String eventId, String org, String status, String start, String end, long version,
                                 byte[] gzip) {
        jdbc.sql("""
                        insert into dashboard (conference_id, organization_id, name, status, start_date, end_date,
                                               capacity, attendee_count, session_count, speaker_count, version, etag,
                                               document_gzip)
                        values (?, ?, ?, ?, ?, ?, 100, 3, 2, 1, ?, ?, ?)
                        on conflict (conference_id) do update set version = excluded.version, etag = excluded.etag,
                            status = excluded.status, document_gzip = excluded.document_gzip""")
                .params(eventId, org, "Conf " + eventId, status, LocalDate.parse(start), LocalDate.parse(end), version,
                        "\"" + version + "-test\"", gzip)
                .update();
    }

    /** As the projector stores it. */
    public static byte[] gzip(String document) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(document.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public void statusCount(String org, String status, long count) {
        jdbc.sql("insert into status_count values (?, ?, ?)").params(org, status, count).update();
    }

    public void watermark(int partition, long watermark) {
        jdbc.sql("""
                        insert into projection_offset (projection, topic, partition_no, next_offset, global_position,
                                                       watermark)
                        values ('live', 'events', ?, 0, 0, ?)
                        on conflict (projection, topic, partition_no) do update set watermark = excluded.watermark""")
                .params(partition, watermark).update();
    }

    public void clear() {
        // Through the views the query API reads, whichever generation they point at.
        jdbc.sql("delete from dashboard").update();
        jdbc.sql("delete from status_count").update();
        jdbc.sql("truncate projection_offset").update();
    }
}
