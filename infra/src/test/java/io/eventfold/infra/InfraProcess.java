package io.eventfold.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** InfrastructureMain as its own process, as {@code ./eventfold run} starts it: for its exit code and output. */
final class InfraProcess implements AutoCloseable {

    final Path home;
    final Process process;
    private final Path output;

    private InfraProcess(Path home, Process process, Path output) {
        this.home = home;
        this.process = process;
        this.output = output;
    }

    static InfraProcess start(Path home, Map<String, String> env, String... parts) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=eventfold-infra-logback.xml", InfrastructureMain.class.getName()));
        command.addAll(List.of(parts));
        try {
            Files.createDirectories(home);
            var output = Files.createTempFile(home.getParent(), "infra", ".log");
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("EVENTFOLD_HOME", home.toString());
            builder.environment().putAll(env);
            return new InfraProcess(home, builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exit code, or -1 if it still runs after the timeout. */
    int exitCode(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Whether this process wrote {@code <part>.ready}: one a killed run left behind does not count. */
    boolean becomesReady(String part, Duration timeout) throws InterruptedException, IOException {
        var deadline = System.nanoTime() + timeout.toNanos();
        var pidFile = home.resolve(part + ".pid");
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(home.resolve(part + ".ready")) && Files.exists(pidFile)
                    && Files.readString(pidFile).trim().equals(String.valueOf(process.pid()))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
