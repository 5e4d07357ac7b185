package io.eventfold.projection.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a dashboard document as {@code JsonMapper} would, from its parts, so that the sessions' JSON, and its
 * compressed form, can be reused while they are unchanged: a registration replaces only counts and the recent
 * five, and re-serializing 200 sessions for it was a fifth of the replay's time ({@link DashboardStore} keeps
 * them with the dashboard they were written for). The whole text is never put together: the table stores
 * the gzip form, spliced from the parts, and the tag is a checksum over the parts.
 */
final class DashboardJson {

    /** A document in UTF-8: what comes before its sessions, the sessions (also deflated), what comes after. */
    record Document(byte[] head, Gzip.Piece sessions, byte[] tail) {

        byte[] gzip() {
            return Gzip.compress(head, sessions, tail);
        }

        /** Strong entity tag: the version, and a checksum so that a rebuilt document never reuses an old tag. */
        String etag(long version) {
            var crc = new CRC32C();
            crc.update(head);
            crc.update(sessions.data());
            crc.update(tail);
            return "\"" + version + "-" + Long.toHexString(crc.getValue()) + "\"";
        }
    }

    private final JsonMapper json;

    DashboardJson(JsonMapper json) {
        this.json = json;
    }

    Gzip.Piece sessions(Dashboard d) {
        return Gzip.piece(json.writeValueAsBytes(d.sessions()));
    }

    Document write(Dashboard d) {
        return document(d, sessions(d));
    }

    /** {@code sessions}: {@link #sessions} of this dashboard, or of one with the very same sessions. */
    Document document(Dashboard d, Gzip.Piece sessions) {
        return new Document(utf8("{\"event\":" + json.writeValueAsString(d.event()) + ",\"sessions\":"), sessions,
                utf8(",\"stats\":" + json.writeValueAsString(d.stats())
                        + ",\"recent_registrations\":" + json.writeValueAsString(d.recentRegistrations())
                        + ",\"version\":" + d.version() + '}'));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
