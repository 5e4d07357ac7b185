package io.eventfold.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes of the classic CRUD application: each accepted command updates the normalized rows in place.
 * Nothing here knows about events; it only mirrors what the command API accepted.
 */
public final class ReferenceStore {

    private final JdbcTemplate jdbc;

    public ReferenceStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void createSchema() {
        try (var in = ReferenceStore.class.getResourceAsStream("/reference/schema.sql")) {
            jdbc.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void scheduleEvent(String id, String org, String name, LocalDate start, LocalDate end, int capacity) {
        jdbc.update("insert into reference.event values (?, ?, ?, 'DRAFT', ?, ?, ?) on conflict do nothing",
                id, org, name, Date.valueOf(start), Date.valueOf(end), capacity);
    }

    public void changeStatus(String eventId, String status) {
        jdbc.update("update reference.event set status = ? where id = ?", status, eventId);
    }

    public void addSession(String eventId, String id, String title, String room, Instant starts, Instant ends) {
        jdbc.update("insert into reference.session (id, event_id, title, room, starts_at, ends_at) "
                + "values (?, ?, ?, ?, ?, ?) on conflict do nothing", id, eventId, title, room, Timestamp.from(starts),
                Timestamp.from(ends));
    }

    public void changeRoom(String eventId, String sessionId, String room) {
        jdbc.update("update reference.session set room = ? where event_id = ? and id = ?", room, eventId, sessionId);
    }

    public void cancelSession(String eventId, String sessionId) {
        jdbc.update("update reference.session set cancelled = true where event_id = ? and id = ?", eventId,
                sessionId);
    }

    /** Assigning someone already assigned is no change, as the API says. */
    public void assignSpeaker(String eventId, String sessionId, String userId, String name, String bio,
                              String company) {
        jdbc.update("""
                insert into reference.session_speaker (event_id, session_id, user_id, name, bio, company)
                select ?, ?, ?, ?, ?, ? where not exists (select 1 from reference.session_speaker
                    where event_id = ? and session_id = ? and user_id = ?)""",
                eventId, sessionId, userId, name, bio, company, eventId, sessionId, userId);
    }

    public void removeSpeaker(String eventId, String sessionId, String userId) {
        jdbc.update("delete from reference.session_speaker where event_id = ? and session_id = ? and user_id = ?",
                eventId, sessionId, userId);
    }

    public void register(String eventId, String id, String userId, String name, String email, String role) {
        jdbc.update("""
                insert into reference.registration (id, event_id, user_id, name, email, role) values (?, ?, ?, ?, ?, ?)
                on conflict (event_id, id) do nothing""", id, eventId, userId, name, email, role);
    }

    /** A forgotten person: every field of theirs that held personal data now holds the marker, in every event. */
    public void forget(String userId, String marker) {
        jdbc.update("update reference.registration set name = ?, email = ? where user_id = ?", marker, marker, userId);
        jdbc.update("update reference.session_speaker set name = ?, bio = ?, company = ? where user_id = ?", marker,
                marker, marker, userId);
    }

    public void cancelRegistration(String eventId, String id) {
        jdbc.update("update reference.registration set cancelled = true where event_id = ? and id = ?", eventId, id);
    }
}
