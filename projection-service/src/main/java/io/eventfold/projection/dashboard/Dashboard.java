package io.eventfold.projection.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.eventfold.contracts.PersonalEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The dashboard of one conference event, shaped exactly as {@code GET /api/events/{id}/dashboard} returns
 * it. Immutable: every transition returns a new dashboard, so a fold is a plain reduction over events.
 */
public record Dashboard(
        EventInfo event,
        List<Session> sessions,
        Stats stats,
        @JsonProperty("recent_registrations") List<Registration> recentRegistrations,
        long version) {

    /** How many registrations the dashboard lists. */
    static final int RECENT = 5;

    private static final Comparator<Session> BY_START = Comparator.comparing(Session::startsAt)
            .thenComparing(Session::id);

    public record EventInfo(String id, String organizationId, String name, String status, LocalDate startDate,
                            LocalDate endDate, int capacity) {
    }

    public record Session(String id, String title, String room, Instant startsAt, Instant endsAt,
                          List<Speaker> speakers) {
    }

    public record Speaker(String userId, String name, String bio, String company) {
    }

    public record Stats(@JsonProperty("attendee_count") int attendeeCount,
                        @JsonProperty("session_count") int sessionCount,
                        @JsonProperty("speaker_count") int speakerCount) {
    }

    public record Registration(String registrationId, String userId, String name, String email, String role,
                               Instant registeredAt) {
    }

    static Dashboard scheduled(EventInfo event, long version) {
        return new Dashboard(event, List.of(), new Stats(0, 0, 0), List.of(), version);
    }

    Dashboard withStatus(String status) {
        var e = event;
        return new Dashboard(new EventInfo(e.id(), e.organizationId(), e.name(), status, e.startDate(), e.endDate(),
                e.capacity()), sessions, stats, recentRegistrations, version);
    }

    Dashboard withSession(Session session) {
        var more = new ArrayList<>(sessions);
        more.add(session);
        more.sort(BY_START);
        return withSessions(more);
    }

    Dashboard withoutSession(String sessionId) {
        return withSessions(sessions.stream().filter(s -> !s.id().equals(sessionId)).toList());
    }

    Dashboard withSessionChanged(String sessionId, UnaryOperator<Session> change) {
        return withSessions(sessions.stream().map(s -> s.id().equals(sessionId) ? change.apply(s) : s).toList());
    }

    /**
     * Newest first; of two registrations at the same instant the later event is newer, as the refill query
     * orders ties by version. So the new one goes before the first shown one that is not newer than it.
     */
    Dashboard withRegistration(Registration registration, int attendeeDelta, int speakerDelta) {
        var recent = new ArrayList<Registration>(RECENT + 1);
        recent.addAll(recentRegistrations);
        int at = 0;
        while (at < recent.size() && recent.get(at).registeredAt().isAfter(registration.registeredAt())) {
            at++;
        }
        recent.add(at, registration);
        return new Dashboard(event, sessions, counted(attendeeDelta, speakerDelta),
                List.copyOf(recent.subList(0, Math.min(RECENT, recent.size()))), version);
    }

    Dashboard withoutRegistration(String registrationId, int attendeeDelta, int speakerDelta) {
        return new Dashboard(event, sessions, counted(attendeeDelta, speakerDelta),
                recentRegistrations.stream().filter(r -> !r.registrationId().equals(registrationId)).toList(),
                version);
    }

    Dashboard withRecentRegistrations(List<Registration> recent) {
        return new Dashboard(event, sessions, stats, List.copyOf(recent), version);
    }

    /**
     * Every personal field of the person's speaker and registration entries reads {@link PersonalEvent#FORGOTTEN}:
     * what their sealed events read as without a key, so a rebuild after the forgetting gives the same document.
     */
    Dashboard withPersonForgotten(String userId) {
        var forgotten = PersonalEvent.FORGOTTEN;
        var newSessions = sessions.stream().map(s -> new Session(s.id(), s.title(), s.room(), s.startsAt(),
                s.endsAt(), s.speakers().stream().map(p -> p.userId().equals(userId)
                        ? new Speaker(userId, forgotten, forgotten, forgotten) : p).toList())).toList();
        var recent = recentRegistrations.stream().map(r -> r.userId().equals(userId)
                ? new Registration(r.registrationId(), userId, forgotten, forgotten, r.role(), r.registeredAt())
                : r).toList();
        return new Dashboard(event, newSessions, stats, recent, version);
    }

    boolean listsRegistration(String registrationId) {
        return recentRegistrations.stream().anyMatch(r -> r.registrationId().equals(registrationId));
    }

    Dashboard atVersion(long newVersion) {
        return new Dashboard(event, sessions, stats, recentRegistrations, newVersion);
    }

    private Dashboard withSessions(List<Session> newSessions) {
        return new Dashboard(event, List.copyOf(newSessions),
                new Stats(stats.attendeeCount(), newSessions.size(), stats.speakerCount()), recentRegistrations,
                version);
    }

    private Stats counted(int attendeeDelta, int speakerDelta) {
        return new Stats(stats.attendeeCount() + attendeeDelta, stats.sessionCount(),
                stats.speakerCount() + speakerDelta);
    }
}
