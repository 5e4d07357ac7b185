package io.eventfold.e2e;

import io.eventfold.infra.HttpJson;
import io.eventfold.reference.ReferenceStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Plays a random command history against the command API and mirrors every accepted command into the
 * reference's normalized tables, as the classic application would have updated its rows.
 */
final class HistoryDriver {

    /** One generated step: what to do, to which conference, with which session/person/registration. */
    record Step(int kind, int conference, int a, int b) {
    }

    static final int KINDS = 10;
    private static final String[] STATUSES = {"DRAFT", "PUBLISHED", "COMPLETED", "CANCELLED"};
    private static final String[] ROLES = {"ATTENDEE", "ATTENDEE", "SPEAKER", "ORGANIZER"};

    private final HttpJson api;
    private final ReferenceStore reference;
    private final String prefix;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private long position;

    /** Random steps: any kind, on one of three conferences, with one of eight sessions/people. */
    static Arbitrary<List<Step>> steps(int min, int max) {
        return Combinators.combine(Arbitraries.integers().between(0, KINDS - 1), Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 7))
                .as(Step::new).list().ofMinSize(min).ofMaxSize(max);
    }

    HistoryDriver(HttpJson api, ReferenceStore reference, String prefix) {
        this.api = api;
        this.reference = reference;
        this.prefix = prefix;
    }

    String conference(int index) {
        return prefix + "-c" + index;
    }

    Map<String, Long> versions() {
        return versions;
    }

    long position() {
        return position;
    }

    void schedule(int index, int org, int startDay, int days, int capacity) {
        var id = conference(index);
        var start = LocalDate.of(2027, 1, 1).plusDays(startDay);
        var end = start.plusDays(days);
        if (accepted(api.post("/api/events", """
                {"eventId":"%s","organizationId":"org-%d","name":"Conf %s","startDate":"%s","endDate":"%s",
                 "capacity":%d}""".formatted(id, org, id, start, end, capacity)), id)) {
            reference.scheduleEvent(id, "org-" + org, "Conf " + id, start, end, capacity);
        }
    }

    void play(Step step) {
        var id = conference(step.conference());
        var base = "/api/events/" + id;
        var session = "s" + step.a();
        var person = "u" + step.b();
        switch (step.kind()) {
            case 0 -> {
                var status = STATUSES[step.a() % STATUSES.length];
                if (accepted(api.post(base + "/status", "{\"status\":\"" + status + "\"}"), id)) {
                    reference.changeStatus(id, status);
                }
            }
            case 1 -> {
                var starts = Instant.parse("2027-03-01T08:00:00Z").plusSeconds(3600L * (step.b() % 4));
                if (accepted(api.post(base + "/sessions", """
                        {"sessionId":"%s","title":"Talk %s","room":"Room %d","startsAt":"%s","endsAt":"%s"}"""
                        .formatted(session, session, step.b() % 3, starts, starts.plusSeconds(3600))), id)) {
                    reference.addSession(id, session, "Talk " + session, "Room " + step.b() % 3, starts,
                            starts.plusSeconds(3600));
                }
            }
            case 2 -> {
                var room = "Hall " + step.b() % 3;
                if (accepted(api.put(base + "/sessions/" + session + "/room", "{\"room\":\"" + room + "\"}"), id)) {
                    reference.changeRoom(id, session, room);
                }
            }
            case 3 -> {
                if (accepted(api.delete(base + "/sessions/" + session), id)) {
                    reference.cancelSession(id, session);
                }
            }
            case 4, 5 -> {
                var bio = step.b() % 2 == 0 ? null : "Bio of " + person;
                var body = bio == null ? "{\"name\":\"Speaker %s\",\"company\":\"Co\"}".formatted(person)
                        : "{\"name\":\"Speaker %s\",\"bio\":\"%s\",\"company\":\"Co\"}".formatted(person, bio);
                if (accepted(api.put(base + "/sessions/" + session + "/speakers/" + person, body), id)) {
                    reference.assignSpeaker(id, session, person, "Speaker " + person, bio, "Co");
                }
            }
            case 6 -> {
                if (accepted(api.delete(base + "/sessions/" + session + "/speakers/" + person), id)) {
                    reference.removeSpeaker(id, session, person);
                }
            }
            case 7, 8 -> {
                var role = ROLES[step.a() % ROLES.length];
                var registration = "r" + step.b() + "-" + step.a();
                if (accepted(api.post(base + "/registrations", """
                        {"registrationId":"%s","userId":"%s","name":"Person %s","email":"%s@example.com",
                         "role":"%s"}"""
                        .formatted(registration, person, person, person, role)), id)) {
                    reference.register(id, registration, person, "Person " + person, person + "@example.com", role);
                }
            }
            default -> {
                var registration = "r" + step.b() + "-" + step.a();
                if (accepted(api.delete(base + "/registrations/" + registration), id)) {
                    reference.cancelRegistration(id, registration);
                }
            }
        }
    }

    private boolean accepted(HttpJson.Response response, String conference) {
        if (response.status() >= 500) {
            throw new IllegalStateException("Server error: " + response);
        }
        if (response.status() != 200 && response.status() != 201) {
            return false;
        }
        var json = response.json();
        versions.merge(conference, json.get("version").asLong(), Math::max);
        position = Math.max(position, json.get("position").asLong());
        return true;
    }
}
