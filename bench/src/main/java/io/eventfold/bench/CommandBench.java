package io.eventfold.bench;

import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registrations through the HTTP API over many conferences: first as fast as concurrent clients go, then at
 * a steady rate while probes measure how soon each change is visible on its dashboard.
 */
final class CommandBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** One command in this many is probed for freshness. */
    private static final int PROBE_EVERY = 5;
    /**
     * At most this many commands in flight: a system slower than the offered rate is then measured at the
     * rate it sustains (reported), not buried under a queue of thousands of waiting requests.
     */
    private static final int IN_FLIGHT = 64;

    private final String commandUrl;
    private final String queryUrl;
    /** An organizer of every organization of the workload: writes the commands and reads their dashboards. */
    private final String organizer;
    private final HttpJson projection;
    private final HttpJson command;
    /** Per timed run, the registrations each command carried (the conference queue's batches). */
    private final Map<String, Double> registrationsPerCommand = new LinkedHashMap<>();
    private final int clients;
    /** The registrations not sent yet: each is sent once, or the second would be refused. */
    private final List<Command> unsent;
    /** The highest position any played command answered: what the read model must reach to be caught up. */
    private final AtomicLong lastPosition = new AtomicLong();

    CommandBench(String commandUrl, String queryUrl, String projectionUrl, int clients, Scale scale) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.organizer = TestIssuer.organizer(Workload.organizations(scale.ofCommands()));
        // Their metrics, which only an operator may read.
        var operator = TestIssuer.operator();
        this.projection = new HttpJson(projectionUrl).withBearer(operator);
        this.command = new HttpJson(commandUrl).withBearer(operator);
        this.clients = clients;
        var workload = Workload.generate(scale.ofCommands(), 7);
        var setUp = new CommandPlayer(commandUrl, clients, organizer)
                .playSequences(CommandSink.sequences(workload.setUp), done -> { });
        if (setUp.refused() > 0) {
            throw new IllegalStateException("Set-up refused: " + setUp.refusals());
        }
        this.unsent = new ArrayList<>(CommandSink.commands(workload.registrations));
    }

    /**
     * {@code count} registrations, unmeasured: the services have just started, and their first thousands of
     * requests run partly interpreted while the JIT compiles (the reads warm up too). After a quarter as many,
     * the compiler threads still took a quarter of command-service's CPU and the interpreter a fifth (perf),
     * where a service in production has long finished compiling.
     */
    void warmUp(int count) {
        play(take(count), clients);
    }

    /** {@code count} registrations through the API as fast as the clients go, timed. */
    Measured.Throughput registrations(int count) {
        return registrations(count, clients);
    }

    /** As {@link #registrations(int)}, with this many concurrent clients. */
    Measured.Throughput registrations(int count, int concurrentClients) {
        return timed(clients(concurrentClients), take(count), concurrentClients);
    }

    /**
     * As {@link #registrations(int)}, all for the conference with the most registrations left, as when its
     * tickets go on sale: every client's request then waits for the same aggregate.
     */
    Measured.Throughput registrationsOnOneConference(int count) {
        var hottest = unsent.stream().collect(Collectors.groupingBy(Command::path, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        var commands = unsent.stream().filter(command -> command.path().equals(hottest)).limit(count).toList();
        if (commands.size() < count) {
            throw new IllegalStateException(count + " registrations needed for " + hottest + ", " + commands.size()
                    + " left");
        }
        unsent.removeAll(new HashSet<>(commands));
        return timed(clients(clients) + ", one conference", commands, clients);
    }

    /** Per timed run so far, how many registrations each command to a conference carried on average. */
    Map<String, Double> registrationsPerCommand() {
        return Collections.unmodifiableMap(registrationsPerCommand);
    }

    /** "1 client", "4 clients". */
    static String clients(int count) {
        return count == 1 ? "1 client" : count + " clients";
    }

    private Measured.Throughput timed(String run, List<Command> commands, int concurrentClients) {
        var batchesBefore = RegistrationBatches.read(command);
        var result = play(commands, concurrentClients);
        registrationsPerCommand.put(run, RegistrationBatches.read(command).perCommandSince(batchesBefore));
        return Latencies.summarize("EventFold: POST /api/events/{id}/registrations (" + run + ")",
                result.latencies(), result.nanos());
    }

    private CommandPlayer.Result play(List<Command> commands, int concurrentClients) {
        var result = new CommandPlayer(commandUrl, concurrentClients, organizer).play(commands, done -> { });
        if (result.refused() > 0) {
            throw new IllegalStateException("Registrations refused: " + result.refusals());
        }
        lastPosition.accumulateAndGet(result.lastPosition(), Math::max);
        return result;
    }

    /** The next {@code count} registrations not sent yet. */
    private List<Command> take(int count) {
        if (count > unsent.size()) {
            throw new IllegalStateException(unsent.size() + " registrations left, " + count + " needed");
        }
        var next = unsent.subList(0, count);
        var taken = List.copyOf(next);
        next.clear();
        return taken;
    }

    /** Command response → dashboard shows it, at {@code rate} commands/s, for the commands after the first. */
    Freshness freshness(int rate, Duration duration) {
        awaitCaughtUp();
        var stagesBefore = StageDelays.read(projection);
        var visible = new ConcurrentLinkedQueue<Long>();
        var failure = new AtomicReference<RuntimeException>();
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        var commands = take((int) Math.min(unsent.size(), rate * duration.toSeconds()));
        var inFlight = new Semaphore(IN_FLIGHT);
        // A thread per command in flight, and one per probe that follows it.
        var pool = Executors.newFixedThreadPool(2 * IN_FLIGHT);
        long start = System.nanoTime();
        try (var commandHttp = new KeepAliveHttp.PerThread(commandUrl, organizer);
             var queryHttp = new KeepAliveHttp.PerThread(queryUrl, organizer)) {
            for (int i = 0; i < commands.size(); i++) {
                LockSupport.parkNanos(start + i * period - System.nanoTime());
                inFlight.acquireUninterruptibly();
                boolean probe = i % PROBE_EVERY == 0;
                var command = commands.get(i);
                pool.execute(() -> {
                    try {
                        HttpJson.Response response;
                        try {
                            response = commandHttp.get().send("POST", command.path(), command.body());
                        } finally {
                            inFlight.release();
                        }
                        if (response.status() == 201) {
                            var answer = JSON.readTree(response.body());
                            lastPosition.accumulateAndGet(answer.get("position").asLong(), Math::max);
                            if (probe) {
                                probe(queryHttp.get(), command, answer.get("version").asLong(), visible);
                            }
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            LoadClients.drain(pool);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        long elapsed = System.nanoTime() - start;
        var latencies = visible.stream().mapToLong(Long::longValue).toArray();
        var summary = Latencies.summarize("command response → visible on the dashboard", latencies, elapsed);
        // Every command played is applied (and its delay recorded) before the next run starts: read it then.
        awaitCaughtUp();
        var stages = StageDelays.read(projection).since(stagesBefore);
        return new Freshness(rate, commands.size() * 1e9 / elapsed, summary.p50Millis(), summary.p99Millis(),
                latencies.length, stages.relayMillis(), stages.projectorMillis());
    }

    /**
     * Until the read model has applied every command played so far: a freshness run that starts on the backlog
     * of the run before measures that backlog draining, not the pipeline.
     */
    private void awaitCaughtUp() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try (var http = new KeepAliveHttp(URI.create(queryUrl), organizer)) {
            // Each read waits up to the query API's own limit (2 s) and answers 503 while behind.
            while (!http.get("/api/events/stats/by-status?minPosition=" + lastPosition.get(), "identity")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The read model did not reach position " + lastPosition);
                }
            }
        }
    }

    /**
     * {@code commandsPerSecond}: the rate sustained, which is below {@code offered} if the system lags.
     * {@code relayMillis}, {@code projectorMillis}: the run's events' mean time from decided to sent to the topic,
     * and from there to committed in the read model (projection-service's stage metrics).
     */
    record Freshness(int offered, double commandsPerSecond, double p50Millis, double p99Millis, int probes,
                     double relayMillis, double projectorMillis) {
    }

    private static void probe(KeepAliveHttp http, Command command, long version,
                              ConcurrentLinkedQueue<Long> visible) {
        long answered = System.nanoTime();
        var path = command.path().replace("/registrations", "/dashboard") + "?minVersion=" + version;
        // Status only, the compressed form as a browser takes it: the 80 KB text need not be read into a String.
        if (http.get(path, "gzip")) {
            visible.add(System.nanoTime() - answered);
        }
    }
}
