package io.eventfold.bench;

import java.util.Arrays;

/** Entry point of the bench jar: {@code demo} (seed the demo data set) and, later, the benchmarks. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        var command = args.length == 0 ? "help" : args[0];
        var options = Options.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        switch (command) {
            case "demo" -> Demo.run(options.get("command-url", "http://localhost:8081"),
                    options.get("query-url", "http://localhost:8080"));
            default -> {
                System.err.println("Usage: demo [--command-url URL] [--query-url URL]");
                System.exit(2);
            }
        }
    }
}
