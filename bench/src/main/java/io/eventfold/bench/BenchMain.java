package io.eventfold.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Entry point of the bench jar. {@code demo [--token T]}: seed the demo data set into a running system, as an
 * organizer of its organizations (the token from {@code --token}, else {@code EVENTFOLD_TOKEN}).
 * {@code bench --scale tiny|small|medium|large [--root DIR] [--readme]}: run every benchmark on embedded
 * PostgreSQL and Kafka, print the table, write {@code bench/results/<scale>.json|.md}, and with
 * {@code --readme} put the table into README.md.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        // The embedded broker and database log their routine at WARN, as under ./eventfold run.
        System.setProperty("logback.configurationFile", "eventfold-infra-logback.xml");
        var command = args.length == 0 ? "help" : args[0];
        var options = Options.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        switch (command) {
            case "demo" -> Demo.run(options.get("command-url", "http://localhost:8081"),
                    options.get("query-url", "http://localhost:8080"),
                    options.get("token", System.getenv("EVENTFOLD_TOKEN")));
            case "bench" -> {
                bench(options);
                // Axon's timeout janitor (the baseline's) is not a daemon thread; the run is over.
                System.exit(0);
            }
            default -> {
                System.err.println("Usage: demo [--command-url URL] [--query-url URL] [--token TOKEN]\n"
                        + "             (TOKEN: an organizer's of org-0..org-3; else EVENTFOLD_TOKEN)\n"
                        + "       bench [--scale tiny|small|medium|large] [--root DIR] [--readme true]\n"
                        + "             [--only replay,reads,baseline,commands]  (parts only, no report files)");
                System.exit(2);
            }
        }
    }

    static Report bench(Options options) {
        var scale = Scale.valueOf(options.get("scale", "small").toUpperCase(Locale.ROOT));
        var root = Path.of(options.get("root", ".")).toAbsolutePath().normalize();
        for (var service : new String[] {"command", "projection", "query"}) {
            var module = service.equals("query") ? "query-api" : service + "-service";
            System.setProperty("eventfold.jar." + service,
                    root.resolve(module + "/target/extracted/" + module + "-0.1.0-SNAPSHOT.jar").toString());
        }
        System.setProperty("eventfold.logs", root.resolve("bench/target/service-logs").toString());
        var report = new Report(scale.name().toLowerCase(Locale.ROOT), machine());
        try (var infra = new BenchInfrastructure()) {
            var only = options.get("only", "");
            new Bench(scale, settings(scale), infra, report).run(only.isEmpty() ? Set.of()
                    : Set.of(only.split(",")));
        }
        if (!options.values().containsKey("only")) {
            report.write(root.resolve("bench/results"));
        }
        System.out.println();
        if (!options.values().containsKey("only")) {
            System.out.println(report.markdown());
        }
        if (Boolean.parseBoolean(options.get("readme", "false"))) {
            updateReadme(root.resolve("README.md"), report.markdown());
        }
        return report;
    }

    private static Bench.Settings settings(Scale scale) {
        if (scale == Scale.TINY) {
            return new Bench.Settings(Duration.ofSeconds(1), Duration.ofSeconds(30), 2, 50, 20, Duration.ofSeconds(2));
        }
        return new Bench.Settings(Duration.ofSeconds(10), Duration.ofSeconds(60), 16,
                scale == Scale.SMALL ? 5_000 : 10_000, 1_000, Duration.ofSeconds(10));
    }

    private static String machine() {
        long memory = 0;
        try {
            for (var line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            memory = Runtime.getRuntime().maxMemory() / 1024 / 1024 / 1024;
        }
        return "%d cores, %d GiB, JDK %s, %s; PostgreSQL and Kafka embedded on the same machine".formatted(
                Runtime.getRuntime().availableProcessors(), memory, System.getProperty("java.version"),
                System.getProperty("os.name"));
    }

    private static void updateReadme(Path readme, String section) {
        try {
            var text = Files.readString(readme);
            var start = "<!-- bench:start -->";
            var end = "<!-- bench:end -->";
            int from = text.indexOf(start);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalStateException("README.md has no " + start + " … " + end + " section");
            }
            Files.writeString(readme, text.substring(0, from + start.length()) + "\n" + section + text.substring(to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
