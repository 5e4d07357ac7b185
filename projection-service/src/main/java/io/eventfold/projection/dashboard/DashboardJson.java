package io.eventfold.projection.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a dashboard document as {@code JsonMapper} would, from its parts, so that the event's and the sessions'
 * JSON, and their compressed forms, can be reused while they are unchanged: a registration replaces only counts
 * and the recent five, so re-serializing all sessions for it is waste; deflating the event's few hundred
 * bytes again cost as much as deflating the rest, zlib's set-up being most of it
 * ({@link DashboardCache} keeps the parts with the dashboard they were written for). The whole text is never
 * put together: the table stores the gzip form, spliced from the parts, and the tag is a checksum over them.
 */
final class DashboardJson {

    /** A document in UTF-8: the part before its sessions, the sessions (both also deflated), what comes after. */
    record Document(Gzip.Piece head, Gzip.Piece sessions, byte[] tail) {

        byte[] gzip() {
            return Gzip.compress(head, sessions, tail);
        }

        /** Strong entity tag: the version, and a checksum so that a rebuilt document never reuses an old tag. */
        String etag(long version) {
            var crc = new CRC32C();
            crc.update(head.data());
            crc.update(sessions.data());
            crc.update(tail);
            return "\"" + version + "-" + Long.toHexString(crc.getValue()) + "\"";
        }
    }

    private final JsonMapper json;

    DashboardJson(JsonMapper json) {
        this.json = json;
    }

    Document write(Dashboard d) {
        return write(d, null);
    }

    /**
     * {@code previous}: the conference's dashboard as last written, or null. Its parts are reused where the two
     * dashboards hold the very same instance (the fold keeps what a transition does not change).
     */
    Document write(Dashboard d, DashboardCache.Entry previous) {
        var head = previous != null && previous.dashboard().event() == d.event() ? previous.head()
                : Gzip.piece(utf8("{\"event\":" + json.writeValueAsString(d.event()) + ",\"sessions\":"));
        var sessions = previous != null && previous.dashboard().sessions() == d.sessions() ? previous.sessions()
                : Gzip.piece(json.writeValueAsBytes(d.sessions()));
        return new Document(head, sessions, utf8(",\"stats\":" + json.writeValueAsString(d.stats())
                + ",\"recent_registrations\":" + json.writeValueAsString(d.recentRegistrations())
                + ",\"version\":" + d.version() + '}'));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
