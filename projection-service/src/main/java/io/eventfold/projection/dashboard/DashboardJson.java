package io.eventfold.projection.dashboard;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a dashboard document as {@code JsonMapper} would, from its parts, so that the sessions' JSON can
 * be reused while they are unchanged: a registration replaces only counts and the recent five, and
 * re-serializing 200 sessions for it was a fifth of the replay's time ({@link DashboardStore} keeps the
 * text with the dashboard it was written for).
 */
final class DashboardJson {

    private final JsonMapper json;

    DashboardJson(JsonMapper json) {
        this.json = json;
    }

    String sessions(Dashboard d) {
        return json.writeValueAsString(d.sessions());
    }

    String write(Dashboard d) {
        return write(d, sessions(d));
    }

    /** {@code sessionsJson}: {@link #sessions} of this dashboard, or of one with the very same sessions. */
    String write(Dashboard d, String sessionsJson) {
        return new StringBuilder(sessionsJson.length() + 1_500)
                .append("{\"event\":").append(json.writeValueAsString(d.event()))
                .append(",\"sessions\":").append(sessionsJson)
                .append(",\"stats\":").append(json.writeValueAsString(d.stats()))
                .append(",\"recent_registrations\":").append(json.writeValueAsString(d.recentRegistrations()))
                .append(",\"version\":").append(d.version())
                .append('}').toString();
    }
}
