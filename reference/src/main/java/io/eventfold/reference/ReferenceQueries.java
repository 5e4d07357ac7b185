package io.eventfold.reference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reads of the classic application, computed at request time from the normalized tables, in the
 * shapes the query API returns. {@link #dashboardNPlusOne} is the seed's first example (a query per session
 * and per registration); {@link #dashboardJoined} its eagerly loaded version. Registrations carry no
 * timestamp here: newest means inserted last.
 */
public final class ReferenceQueries {

    private static final List<String> STATUSES = List.of("DRAFT", "PUBLISHED", "COMPLETED", "CANCELLED");

    private final JdbcTemplate jdbc;

    public ReferenceQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<Map<String, Object>> dashboardNPlusOne(String eventId) {
        var event = event(eventId);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        var sessions = jdbc.query("""
                select id, title, room, starts_at, ends_at from reference.session
                where event_id = ? and not cancelled order by starts_at, id""", (rs, n) -> session(rs), eventId);
        for (var session : sessions) {
            session.put("speakers", jdbc.query("""
                    select user_id, name, bio, company from reference.session_speaker
                    where event_id = ? and session_id = ? order by seq""",
                    (rs, n) -> speaker(rs), eventId, session.get("id")));
        }
        var attendees = jdbc.queryForObject("select count(*) from reference.registration "
                + "where event_id = ? and role = 'ATTENDEE' and not cancelled", Integer.class, eventId);
        var speakers = jdbc.queryForObject("select count(distinct user_id) from reference.registration "
                + "where event_id = ? and role = 'SPEAKER' and not cancelled", Integer.class, eventId);
        var recentIds = jdbc.queryForList("select seq from reference.registration where event_id = ? "
                + "and not cancelled order by seq desc limit 5", Long.class, eventId);
        var recent = new ArrayList<Map<String, Object>>();
        for (var seq : recentIds) {
            recent.add(jdbc.queryForObject("select id, user_id, name, email, role from reference.registration "
                    + "where seq = ?", (rs, n) -> registration(rs), seq));
        }
        return Optional.of(document(event.get(), sessions, attendees, speakers, recent));
    }

    public Optional<Map<String, Object>> dashboardJoined(String eventId) {
        var event = event(eventId);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        var sessions = new LinkedHashMap<String, Map<String, Object>>();
        jdbc.query("""
                select s.id, s.title, s.room, s.starts_at, s.ends_at, p.user_id, p.name, p.bio, p.company
                from reference.session s
                left join reference.session_speaker p on p.event_id = s.event_id and p.session_id = s.id
                where s.event_id = ? and not s.cancelled order by s.starts_at, s.id, p.seq""", rs -> {
                    var session = sessions.computeIfAbsent(rs.getString(1), id -> {
                        try {
                            var s = session(rs);
                            s.put("speakers", new ArrayList<Map<String, Object>>());
                            return s;
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    if (rs.getString(6) != null) {
                        @SuppressWarnings("unchecked")
                        var speakers = (List<Map<String, Object>>) session.get("speakers");
                        speakers.add(speaker(rs, 6));
                    }
                }, eventId);
        var counts = jdbc.queryForMap("""
                select count(*) filter (where role = 'ATTENDEE') as attendees,
                       count(distinct user_id) filter (where role = 'SPEAKER') as speakers
                from reference.registration where event_id = ? and not cancelled""", eventId);
        var recent = jdbc.query("""
                select id, user_id, name, email, role from reference.registration
                where event_id = ? and not cancelled order by seq desc limit 5""", (rs, n) -> registration(rs),
                eventId);
        return Optional.of(document(event.get(), new ArrayList<>(sessions.values()),
                ((Number) counts.get("attendees")).intValue(), ((Number) counts.get("speakers")).intValue(), recent));
    }

    /** The same page, total and item shape as {@code GET /api/events/search}. */
    public Map<String, Object> search(String status, String org, LocalDate from, LocalDate to, int page, int size) {
        var where = """
                where (cast(? as text) is null or e.status = ?)
                  and (cast(? as text) is null or e.organization_id = ?)
                  and (cast(? as date) is null or e.start_date >= ?)
                  and (cast(? as date) is null or e.end_date <= ?)""";
        Object[] args = {status, status, org, org, date(from), date(from), date(to), date(to)};
        long total = jdbc.queryForObject("select count(*) from reference.event e " + where, Long.class, args);
        var pageArgs = new ArrayList<>(Arrays.asList(args));
        pageArgs.add(size);
        pageArgs.add((long) (page - 1) * size);
        var items = jdbc.query("select e.* from reference.event e " + where
                + " order by e.start_date, e.id limit ? offset ?", (rs, n) -> {
                    var item = new LinkedHashMap<String, Object>(event(rs));
                    item.remove("capacity");
                    var id = rs.getString("id");
                    item.put("attendee_count", count(id, "role = 'ATTENDEE'", "*"));
                    item.put("session_count", jdbc.queryForObject("select count(*) from reference.session "
                            + "where event_id = ? and not cancelled", Integer.class, id));
                    item.put("speaker_count", count(id, "role = 'SPEAKER'", "distinct user_id"));
                    return (Map<String, Object>) item;
                }, pageArgs.toArray());
        var result = new LinkedHashMap<String, Object>();
        result.put("items", items);
        result.put("total", total);
        result.put("pages", (total + size - 1) / size);
        result.put("page", page);
        result.put("size", size);
        return result;
    }

    /** Conference events per status, all four in lifecycle order, by counting rows. */
    public List<Map<String, Object>> countByStatus(String org) {
        var counts = new LinkedHashMap<String, Long>();
        jdbc.query("select status, count(*) from reference.event where cast(? as text) is null "
                + "or organization_id = ? group by status", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, org, org);
        return STATUSES.stream().map(s -> Map.<String, Object>of("status", s, "count", counts.getOrDefault(s, 0L)))
                .toList();
    }

    private int count(String eventId, String condition, String what) {
        return jdbc.queryForObject("select count(" + what + ") from reference.registration where event_id = ? and "
                + condition + " and not cancelled", Integer.class, eventId);
    }

    private Optional<Map<String, Object>> event(String eventId) {
        return jdbc.query("select * from reference.event where id = ?", (rs, n) -> event(rs), eventId).stream()
                .findFirst();
    }

    private static Map<String, Object> event(ResultSet rs) throws SQLException {
        var event = new LinkedHashMap<String, Object>();
        event.put("id", rs.getString("id"));
        event.put("organizationId", rs.getString("organization_id"));
        event.put("name", rs.getString("name"));
        event.put("status", rs.getString("status"));
        event.put("startDate", rs.getDate("start_date").toLocalDate().toString());
        event.put("endDate", rs.getDate("end_date").toLocalDate().toString());
        event.put("capacity", rs.getInt("capacity"));
        return event;
    }

    private static Map<String, Object> session(ResultSet rs) throws SQLException {
        var session = new LinkedHashMap<String, Object>();
        session.put("id", rs.getString(1));
        session.put("title", rs.getString(2));
        session.put("room", rs.getString(3));
        session.put("startsAt", rs.getTimestamp(4).toInstant().toString());
        session.put("endsAt", rs.getTimestamp(5).toInstant().toString());
        return session;
    }

    private static Map<String, Object> speaker(ResultSet rs) throws SQLException {
        return speaker(rs, 1);
    }

    private static Map<String, Object> speaker(ResultSet rs, int first) throws SQLException {
        var speaker = new LinkedHashMap<String, Object>();
        speaker.put("userId", rs.getString(first));
        speaker.put("name", rs.getString(first + 1));
        speaker.put("bio", rs.getString(first + 2));
        speaker.put("company", rs.getString(first + 3));
        return speaker;
    }

    private static Map<String, Object> registration(ResultSet rs) throws SQLException {
        var registration = new LinkedHashMap<String, Object>();
        registration.put("registrationId", rs.getString(1));
        registration.put("userId", rs.getString(2));
        registration.put("name", rs.getString(3));
        registration.put("email", rs.getString(4));
        registration.put("role", rs.getString(5));
        return registration;
    }

    private static Map<String, Object> document(Map<String, Object> event, List<Map<String, Object>> sessions,
                                                int attendees, int speakers, List<Map<String, Object>> recent) {
        var stats = new LinkedHashMap<String, Object>();
        stats.put("attendee_count", attendees);
        stats.put("session_count", sessions.size());
        stats.put("speaker_count", speakers);
        var document = new LinkedHashMap<String, Object>();
        document.put("event", event);
        document.put("sessions", sessions);
        document.put("stats", stats);
        document.put("recent_registrations", recent);
        return document;
    }

    private static java.sql.Date date(LocalDate date) {
        return date == null ? null : java.sql.Date.valueOf(date);
    }
}
