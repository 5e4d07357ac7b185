package io.eventfold.projection.dashboard;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a dashboard document as {@code JsonMapper} would, from its parts, so that the sessions' JSON, and its
 * compressed form, can be reused while they are unchanged: a registration replaces only counts and the recent
 * five, and re-serializing 200 sessions for it was a fifth of the replay's time ({@link DashboardStore} keeps
 * them with the dashboard they were written for).
 */
final class DashboardJson {

    /** The JSON of a dashboard's sessions, and the same deflated for the document's gzip form. */
    record Sessions(String json, Gzip.Piece deflated) {
    }

    /** A document's text: what comes before its sessions, the sessions, what comes after. */
    record Document(String head, Sessions sessions, String tail) {

        String text() {
            return new StringBuilder(head.length() + sessions.json().length() + tail.length())
                    .append(head).append(sessions.json()).append(tail).toString();
        }

        /** {@code text}: {@link #text()} in UTF-8. */
        byte[] gzip(byte[] text) {
            return Gzip.compress(text, head.getBytes(StandardCharsets.UTF_8).length, sessions.deflated());
        }
    }

    private final JsonMapper json;

    DashboardJson(JsonMapper json) {
        this.json = json;
    }

    Sessions sessions(Dashboard d) {
        var text = json.writeValueAsString(d.sessions());
        return new Sessions(text, Gzip.piece(text.getBytes(StandardCharsets.UTF_8)));
    }

    String write(Dashboard d) {
        return document(d, sessions(d)).text();
    }

    /** {@code sessions}: {@link #sessions} of this dashboard, or of one with the very same sessions. */
    Document document(Dashboard d, Sessions sessions) {
        return new Document("{\"event\":" + json.writeValueAsString(d.event()) + ",\"sessions\":", sessions,
                ",\"stats\":" + json.writeValueAsString(d.stats())
                        + ",\"recent_registrations\":" + json.writeValueAsString(d.recentRegistrations())
                        + ",\"version\":" + d.version() + '}');
    }
}
