package io.eventfold.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * A seeded, reproducible conference workload, in phases that keep each conference's rules satisfied whatever
 * order the steps of one phase run in: set-up (schedule, sessions with rooms and speakers, publish),
 * registrations (shuffled across conferences), cancellations (about 5%), and endings (some conferences
 * completed or cancelled). A step is rendered as a command or as the event it leads to ({@link Sink}).
 */
final class Workload {

    /** One command, or one event, of one conference. */
    record Step(String conference, Consumer<Sink> action) {

        void accept(Sink sink) {
            action.accept(sink);
        }
    }

    static final String DASHBOARD_CONFERENCE = "conf-dashboard";

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Barbara", "Edsger", "Frances", "Donald",
            "Margaret", "Ken", "Radia", "Linus", "Sophie", "Tim", "Hedy", "John", "Katherine", "Dennis", "Lynn"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Liskov", "Dijkstra", "Allen", "Knuth",
            "Hamilton", "Thompson", "Perlman", "Torvalds", "Wilson", "Berners-Lee", "Lamarr", "Backus", "Johnson"};
    private static final String[] TOPICS = {"Event sourcing", "CQRS", "Kafka", "PostgreSQL", "Observability",
            "Security", "Platform teams", "Java", "Testing", "Resilience", "Data mesh", "Kubernetes"};
    private static final String[] KINDS = {"Summit", "Conf", "Days", "Forum", "Live", "Camp"};

    /** Per conference, in order: a conference's set-up runs in sequence, conferences in parallel. */
    final List<List<Step>> setUp = new ArrayList<>();
    final List<Step> registrations = new ArrayList<>();
    final List<Step> cancellations = new ArrayList<>();
    final List<Step> endings = new ArrayList<>();
    final List<String> conferenceIds = new ArrayList<>();
    private final Random random;

    private Workload(long seed) {
        this.random = new Random(seed);
    }

    static Workload generate(Scale scale, long seed) {
        var workload = new Workload(seed);
        var shares = shares(scale.conferences);
        for (int c = 0; c < scale.conferences; c++) {
            int sessions = c == 0 ? scale.hotSessions
                    : 3 + workload.random.nextInt(Math.max(1, scale.hotSessions / 8));
            workload.conference("conf-" + c, organization(c % scale.organizations), sessions,
                    (int) Math.round(shares[c] * scale.registrations));
        }
        if (scale.dashboardSessions > 0) {
            workload.conference(DASHBOARD_CONFERENCE, organization(0), scale.dashboardSessions,
                    scale.dashboardRegistrations);
        }
        Collections.shuffle(workload.registrations, workload.random);
        return workload;
    }

    /** The organizations a workload of this scale schedules conferences for: whose organizer may write them. */
    static String[] organizations(Scale scale) {
        return IntStream.range(0, scale.organizations).mapToObj(Workload::organization).toArray(String[]::new);
    }

    static String organization(int index) {
        return "org-" + index;
    }

    int size() {
        return setUp.stream().mapToInt(List::size).sum() + registrations.size() + cancellations.size()
                + endings.size();
    }

    /** Every step in an order that satisfies every conference's rules. */
    List<Step> inOrder() {
        var all = new ArrayList<Step>();
        setUp.forEach(all::addAll);
        all.addAll(registrations);
        all.addAll(cancellations);
        all.addAll(endings);
        return all;
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

    private void conference(String id, String org, int sessions, int planned) {
        var start = LocalDate.of(2027, 1, 10).plusDays(random.nextInt(340));
        var end = start.plusDays(1 + random.nextInt(3));
        var name = pick(TOPICS) + " " + pick(KINDS) + " " + id.substring(5);
        conferenceIds.add(id);
        var steps = new ArrayList<Step>();
        setUp.add(steps);
        steps.add(new Step(id, s -> s.schedule(id, org, name, start, end, planned + 10)));
        for (int n = 0; n < sessions; n++) {
            var session = "s" + n;
            var title = pick(TOPICS) + " in practice, part " + (n + 1);
            var room = "Room " + (1 + n % 12);
            var at = start.atTime(9 + n % 8, 0).toInstant(ZoneOffset.UTC);
            steps.add(new Step(id, s -> s.addSession(id, session, title, room, at, at.plusSeconds(45 * 60))));
            var speaker = person();
            var bio = "Speaks about " + pick(TOPICS);
            steps.add(new Step(id, s -> s.assignSpeaker(id, session, speaker[0], speaker[1], bio, org)));
        }
        steps.add(new Step(id, s -> s.changeStatus(id, "DRAFT", "PUBLISHED")));
        for (int r = 0; r < planned; r++) {
            var person = person();
            var role = r % 50 == 0 ? "ORGANIZER" : r % 20 == 0 ? "SPEAKER" : "ATTENDEE";
            var registration = "r" + r;
            var user = "u" + r + "-" + person[0];
            var email = "u" + r + "@example.com";
            registrations.add(new Step(id, s -> s.register(id, registration, user, person[1], email, role)));
            if (random.nextInt(100) < 5) {
                cancellations.add(new Step(id, s -> s.cancel(id, registration, user, role)));
            }
        }
        int fate = random.nextInt(100);
        if (fate < 13 && !id.equals(DASHBOARD_CONFERENCE)) {
            var to = fate < 10 ? "COMPLETED" : "CANCELLED";
            endings.add(new Step(id, s -> s.changeStatus(id, "PUBLISHED", to)));
        }
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String[] person() {
        var first = pick(FIRST);
        var last = pick(LAST);
        return new String[] {(first + "-" + last).toLowerCase(), first + " " + last};
    }
}
