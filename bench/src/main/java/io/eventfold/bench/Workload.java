package io.eventfold.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded, reproducible conference workload, in phases that keep each conference's rules satisfied whatever
 * order the commands of one phase run in: set-up (schedule, sessions with rooms and speakers, publish),
 * registrations (shuffled across conferences), cancellations (about 5%), and endings (some conferences
 * completed or cancelled).
 */
final class Workload {

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Barbara", "Edsger", "Frances", "Donald",
            "Margaret", "Ken", "Radia", "Linus", "Sophie", "Tim", "Hedy", "John", "Katherine", "Dennis", "Lynn"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Liskov", "Dijkstra", "Allen", "Knuth",
            "Hamilton", "Thompson", "Perlman", "Torvalds", "Wilson", "Berners-Lee", "Lamarr", "Backus", "Johnson"};
    private static final String[] TOPICS = {"Event sourcing", "CQRS", "Kafka", "PostgreSQL", "Observability",
            "Security", "Platform teams", "Java", "Testing", "Resilience", "Data mesh", "Kubernetes"};
    private static final String[] KINDS = {"Summit", "Conf", "Days", "Forum", "Live", "Camp"};

    /** Per conference, in order: a conference's set-up runs in sequence, conferences in parallel. */
    final List<List<Command>> setUp = new ArrayList<>();
    final List<Command> registrations = new ArrayList<>();
    final List<Command> cancellations = new ArrayList<>();
    final List<Command> endings = new ArrayList<>();
    final List<String> conferenceIds = new ArrayList<>();

    static Workload generate(Scale scale, long seed) {
        var workload = new Workload();
        var random = new Random(seed);
        var shares = shares(scale.conferences);
        for (int c = 0; c < scale.conferences; c++) {
            int planned = (int) Math.round(shares[c] * scale.registrations);
            workload.conference(scale, c, planned, random);
        }
        Collections.shuffle(workload.registrations, random);
        return workload;
    }

    int size() {
        return setUp.stream().mapToInt(List::size).sum() + registrations.size() + cancellations.size() + endings.size();
    }

    /** Zipf-like shares (s = 1.1): the first few conferences hold most registrations. */
    private static double[] shares(int conferences) {
        var shares = new double[conferences];
        double sum = 0;
        for (int c = 0; c < conferences; c++) {
            shares[c] = 1 / Math.pow(c + 1, 1.1);
            sum += shares[c];
        }
        for (int c = 0; c < conferences; c++) {
            shares[c] /= sum;
        }
        return shares;
    }

    private void conference(Scale scale, int index, int planned, Random random) {
        var org = "org-" + (index % scale.organizations);
        var id = "conf-" + index;
        var base = "/api/events/" + id;
        var start = LocalDate.of(2027, 1, 10).plusDays(random.nextInt(340));
        var name = TOPICS[random.nextInt(TOPICS.length)] + " " + KINDS[random.nextInt(KINDS.length)] + " " + index;
        conferenceIds.add(id);
        var steps = new ArrayList<Command>();
        setUp.add(steps);
        steps.add(Command.post("/api/events", """
                {"eventId":"%s","organizationId":"%s","name":"%s","startDate":"%s","endDate":"%s","capacity":%d}"""
                .formatted(id, org, name, start, start.plusDays(1 + random.nextInt(3)), planned + 10)));
        int sessions = index == 0 ? scale.hotSessions : 3 + random.nextInt(Math.max(1, scale.hotSessions / 8));
        for (int s = 0; s < sessions; s++) {
            var at = start.atTime(9 + s % 8, 0).toInstant(ZoneOffset.UTC);
            steps.add(Command.post(base + "/sessions", """
                    {"sessionId":"s%d","title":"%s in practice, part %d","room":"Room %d","startsAt":"%s",\
                    "endsAt":"%s"}""".formatted(s, TOPICS[random.nextInt(TOPICS.length)], s + 1, 1 + s % 12,
                    at, at.plusSeconds(45 * 60))));
            var speaker = person(random);
            steps.add(Command.put(base + "/sessions/s" + s + "/speakers/" + speaker[0], """
                    {"name":"%s","bio":"Speaks about %s","company":"%s"}""".formatted(speaker[1],
                    TOPICS[random.nextInt(TOPICS.length)], org)));
        }
        steps.add(Command.post(base + "/status", "{\"status\":\"PUBLISHED\"}"));
        for (int r = 0; r < planned; r++) {
            var person = person(random);
            var role = r % 50 == 0 ? "ORGANIZER" : r % 20 == 0 ? "SPEAKER" : "ATTENDEE";
            var registration = "r" + r;
            registrations.add(Command.post(base + "/registrations", """
                    {"registrationId":"%s","userId":"u%d-%s","name":"%s","email":"u%d@example.com","role":"%s"}"""
                    .formatted(registration, r, person[0], person[1], r, role)));
            if (random.nextInt(100) < 5) {
                cancellations.add(Command.delete(base + "/registrations/" + registration));
            }
        }
        int fate = random.nextInt(100);
        if (fate < 10) {
            endings.add(Command.post(base + "/status", "{\"status\":\"COMPLETED\"}"));
        } else if (fate < 13) {
            endings.add(Command.post(base + "/status", "{\"status\":\"CANCELLED\"}"));
        }
    }

    private static String[] person(Random random) {
        var first = FIRST[random.nextInt(FIRST.length)];
        var last = LAST[random.nextInt(LAST.length)];
        return new String[] {(first + "-" + last).toLowerCase(), first + " " + last};
    }
}
