package io.eventfold.command.conference;

import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SessionAdded;
import io.eventfold.infra.HttpJson.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Shared test data: one conference, its sessions and people, as events, commands and JSON bodies. */
public final class ConferenceFixtures {

    public static final String EVENT = "devconf-2027";
    public static final String ORG = "acme";
    public static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    public static final LocalDate START = LocalDate.parse("2027-03-01");
    public static final LocalDate END = LocalDate.parse("2027-03-03");
    public static final Instant TALK_START = Instant.parse("2027-03-01T09:00:00Z");
    public static final Instant TALK_END = Instant.parse("2027-03-01T10:00:00Z");
    /** An organizer of the conference's organization: may send every command. */
    static final Actor OZ = new Actor("oz", Set.of(ORG), false);

    private ConferenceFixtures() {
    }

    static ConferenceCommands.ScheduleConference schedule(int capacity) {
        return new ConferenceCommands.ScheduleConference(EVENT, ORG, "DevConf", START, END, capacity, NOW, OZ);
    }

    static ConferenceScheduled scheduled(int capacity) {
        return new ConferenceScheduled(EVENT, ORG, "DevConf", START, END, capacity, NOW);
    }

    static ConferenceStatusChanged published() {
        return new ConferenceStatusChanged(EVENT, ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED, NOW);
    }

    static ConferenceStatusChanged statusChanged(ConferenceStatus from, ConferenceStatus to) {
        return new ConferenceStatusChanged(EVENT, from, to, NOW);
    }

    static ConferenceCommands.RegisterPerson register(String registrationId, String userId, Role role) {
        return new ConferenceCommands.RegisterPerson(EVENT, registrationId, userId, "Person " + userId,
                userId + "@example.com", role, NOW, OZ);
    }

    static PersonRegistered registered(String registrationId, String userId, Role role) {
        return new PersonRegistered(EVENT, registrationId, userId, "Person " + userId, userId + "@example.com", role,
                NOW);
    }

    static ConferenceCommands.AddSession addSession(String sessionId) {
        return new ConferenceCommands.AddSession(EVENT, sessionId, "Talk " + sessionId, "Room A", TALK_START,
                TALK_END, OZ);
    }

    static SessionAdded sessionAdded(String sessionId) {
        return new SessionAdded(EVENT, sessionId, "Talk " + sessionId, "Room A", TALK_START, TALK_END);
    }

    public static String scheduleJson(String eventId, int capacity) {
        return """
                {"eventId":"%s","organizationId":"%s","name":"DevConf","startDate":"%s","endDate":"%s",\
                "capacity":%d}""".formatted(eventId, ORG, START, END, capacity);
    }

    public static String registerJson(String registrationId, String userId, String role) {
        return """
                {"registrationId":"%s","userId":"%s","name":"Person %s","email":"%s@example.com","role":"%s"}"""
                .formatted(registrationId, userId, userId, userId, role);
    }

    public static String statusJson(String status) {
        return "{\"status\":\"" + status + "\"}";
    }

    /**
     * The request's answer once it is not 503: what a client does with a busy conference's Retry-After (here
     * after 50 ms, not the second it names, to keep tests short).
     */
    public static Response untilNotBusy(Supplier<Response> request) {
        for (int attempt = 0; ; attempt++) {
            var response = request.get();
            if (response.status() != 503 || attempt == 200) {
                return response;
            }
            LockSupport.parkNanos(50_000_000);
        }
    }
}
