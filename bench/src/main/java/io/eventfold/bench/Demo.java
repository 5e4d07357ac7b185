package io.eventfold.bench;

import io.eventfold.infra.HttpJson;
import java.util.List;

/**
 * {@code ./eventfold demo}: seeds a realistic data set through the command API, once. Run again, it sees
 * the data (the first conference's dashboard) and leaves it alone.
 */
final class Demo {

    private Demo() {
    }

    static void run(String commandUrl, String queryUrl) {
        var workload = Workload.generate(Scale.DEMO, 42);
        var first = workload.conferenceIds.get(0);
        var queries = new HttpJson(queryUrl);
        if (queries.get("/api/events/" + first + "/dashboard").status() == 200) {
            System.out.println("Demo data is already there (" + workload.conferenceIds.size()
                    + " conferences); nothing to do.");
            return;
        }
        System.out.printf("Seeding %d conferences with %d commands through %s ...%n",
                workload.conferenceIds.size(), workload.size(), commandUrl);
        var player = new CommandPlayer(commandUrl, 8);
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
        System.out.println("Try: curl -s " + queryUrl + "/api/events/" + first + "/dashboard");
    }

    private static List<List<Command>> singles(List<Workload.Step> steps) {
        return CommandSink.commands(steps).stream().map(List::of).toList();
    }
}
