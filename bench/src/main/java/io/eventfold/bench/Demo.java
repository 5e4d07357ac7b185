package io.eventfold.bench;

import io.eventfold.infra.HttpJson;
import java.util.List;

/**
 * {@code ./eventfold demo}: seeds a realistic data set through the command API, once. Run again, it sees
 * the data (the first conference's dashboard) and leaves it alone. It acts with a bearer token of an organizer
 * of the demo's {@link #organizations()}: the services refuse every request without one.
 */
final class Demo {

    private Demo() {
    }

    /** Whose conferences the demo schedules: the token's {@code orgs} must name them all. */
    static List<String> organizations() {
        return List.of(Workload.organizations(Scale.DEMO));
    }

    /** {@code token}: an organizer's of {@link #organizations()}; null sends none, which the services refuse. */
    static void run(String commandUrl, String queryUrl, String token) {
        if (token == null || token.isBlank()) {
            System.out.println("No token (--token or EVENTFOLD_TOKEN): the services will refuse every command. Make"
                    + " one with ./eventfold token --role organizer --org " + String.join(" --org ", organizations()));
            token = null;
        }
        var workload = Workload.generate(Scale.DEMO, 42);
        var first = workload.conferenceIds.get(0);
        var queries = token == null ? new HttpJson(queryUrl) : new HttpJson(queryUrl).withBearer(token);
        if (queries.get("/api/events/" + first + "/dashboard").status() == 200) {
            System.out.println("Demo data is already there (" + workload.conferenceIds.size()
                    + " conferences); nothing to do.");
            return;
        }
        System.out.printf("Seeding %d conferences with %d commands through %s ...%n",
                workload.conferenceIds.size(), workload.size(), commandUrl);
        var player = new CommandPlayer(commandUrl, 8, token);
        long position = 0;
        int refused = 0;
        int done = 0;
        var phases = List.of(CommandSink.sequences(workload.setUp), singles(workload.registrations),
                singles(workload.cancellations), singles(workload.endings));
        for (var phase : phases) {
            int before = done;
            var result = player.playSequences(phase, i -> System.out.printf("\r  %,d / %,d commands", before + i,
                    workload.size()));
            done += result.commands();
            refused += result.refused();
            result.refusals().forEach(r -> System.out.println("\n  refused: " + r));
            position = Math.max(position, result.lastPosition());
        }
        System.out.printf("\r  %,d / %,d commands%n", done, workload.size());
        var visible = queries.get("/api/events/stats/by-status?minPosition=" + position);
        System.out.println("Done: " + (refused == 0 ? "every command accepted" : refused + " commands refused")
                + "; counts by status now " + visible.body());
        System.out.println("Try: curl -s -H \"Authorization: Bearer $TOKEN\" " + queryUrl + "/api/events/" + first
                + "/dashboard");
    }

    private static List<List<Command>> singles(List<Workload.Step> steps) {
        return CommandSink.commands(steps).stream().map(List::of).toList();
    }
}
