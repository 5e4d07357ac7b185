package io.eventfold.projection.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a dashboard document as {@code JsonMapper} would, but reuses the sessions' JSON while they are
 * unchanged: a registration replaces only counts and the recent five, and re-serializing 200 sessions for
 * it was a fifth of the replay's time. Folds keep the same sessions list instance until a session event,
 * so an identity check tells that the remembered text is still the one.
 */
final class DashboardJson {

    private record SessionsText(List<Dashboard.Session> sessions, String json) {
    }

    private final JsonMapper json;
    private final Map<String, SessionsText> sessionsText;

    DashboardJson(JsonMapper json, int capacity) {
        this.json = json;
        this.sessionsText = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SessionsText> eldest) {
                return size() > capacity;
            }
        };
    }

    String write(Dashboard d) {
        var sessions = sessions(d);
        return new StringBuilder(sessions.length() + 1_500)
                .append("{\"event\":").append(json.writeValueAsString(d.event()))
                .append(",\"sessions\":").append(sessions)
                .append(",\"stats\":").append(json.writeValueAsString(d.stats()))
                .append(",\"recent_registrations\":").append(json.writeValueAsString(d.recentRegistrations()))
                .append(",\"version\":").append(d.version())
                .append('}').toString();
    }

    private String sessions(Dashboard d) {
        var id = d.event().id();
        synchronized (sessionsText) {
            var known = sessionsText.get(id);
            if (known != null && known.sessions() == d.sessions()) {
                return known.json();
            }
        }
        var text = json.writeValueAsString(d.sessions());
        synchronized (sessionsText) {
            sessionsText.put(id, new SessionsText(d.sessions(), text));
        }
        return text;
    }
}
