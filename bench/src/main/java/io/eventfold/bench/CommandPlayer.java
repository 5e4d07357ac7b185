package io.eventfold.bench;

import io.eventfold.infra.HttpJson;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Plays commands through the command API with concurrent clients, and times each one. A 503 (a conference
 * contended past its retries) is tried again, as a client honouring Retry-After would; any other refusal
 * is counted, since a correct workload is never refused.
 */
final class CommandPlayer {

    private final String commandUrl;
    private final int clients;
    private final String bearer;

    /** {@code bearer}: the token each command is sent with, an organizer's of the commands' organizations. */
    CommandPlayer(String commandUrl, int clients, String bearer) {
        this.commandUrl = commandUrl;
        this.clients = clients;
        this.bearer = bearer;
    }

    /** {@code refusals}: the first few refused commands with their answers, to say what went wrong. */
    record Result(int commands, int refused, List<String> refusals, long nanos, long[] latencies,
                  long lastPosition) {
    }

    /** Each command on its own: any order, all clients at once. */
    Result play(List<Command> commands, IntConsumer progress) {
        return playSequences(commands.stream().map(List::of).toList(), progress);
    }

    /** Sequences in parallel, the commands of one sequence in order. */
    Result playSequences(List<List<Command>> sequences, IntConsumer progress) {
        var run = new Run(sequences.stream().flatMap(List::stream).toList(), progress);
        var starts = new int[sequences.size()];
        for (int q = 1; q < sequences.size(); q++) {
            starts[q] = starts[q - 1] + sequences.get(q - 1).size();
        }
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try (var http = new KeepAliveHttp.PerThread(commandUrl, bearer)) {
            for (int c = 0; c < clients; c++) {
                pool.execute(() -> {
                    for (int q = next.getAndIncrement(); q < sequences.size(); q = next.getAndIncrement()) {
                        for (int i = starts[q]; i < starts[q] + sequences.get(q).size(); i++) {
                            run.play(http.get(), i);
                        }
                    }
                });
            }
            LoadClients.drain(pool);
        }
        return new Result(run.commands.size(), run.refused.get(), List.copyOf(run.refusals),
                System.nanoTime() - started, run.latencies, run.position.get());
    }

    private final class Run {

        final List<Command> commands;
        final IntConsumer progress;
        final long[] latencies;
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final List<String> refusals = new CopyOnWriteArrayList<>();
        final AtomicLong position = new AtomicLong();

        Run(List<Command> commands, IntConsumer progress) {
            this.commands = commands;
            this.progress = progress;
            this.latencies = new long[commands.size()];
        }

        void play(KeepAliveHttp http, int i) {
            var command = commands.get(i);
            long sent = System.nanoTime();
            var response = send(http, command);
            latencies[i] = System.nanoTime() - sent;
            if (response.status() >= 300) {
                if (refused.incrementAndGet() <= 3) {
                    refusals.add(command.method() + " " + command.path() + ": " + response);
                }
            } else {
                position.accumulateAndGet(response.json().get("position").asLong(), Math::max);
            }
            int count = done.incrementAndGet();
            if (count % 250 == 0) {
                progress.accept(count);
            }
        }
    }

    private static HttpJson.Response send(KeepAliveHttp http, Command command) {
        for (int attempt = 0; ; attempt++) {
            var response = http.send(command.method(), command.path(), command.body());
            if (response.status() != 503 || attempt == 20) {
                return response;
            }
            sleep(20L * (attempt + 1));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
