package io.eventfold.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One service as a real OS process, started from its executable jar, killable like in production. The jars
 * and the log folder come from system properties {@code eventfold.jar.<name>} and {@code eventfold.logs}.
 * Every process trusts the {@link TestIssuer}: the services refuse to start without a key source, and a test's
 * tokens come from that issuer.
 */
public final class ServiceProcess implements AutoCloseable {

    /** For tests: quick to start, small. */
    public static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** {@link TestIssuer#serviceProperties()} as environment variables, as {@code ./eventfold run} passes them. */
    public static final Map<String, String> ISSUER_ENVIRONMENT = environmentOf(TestIssuer.serviceProperties());

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    public static ServiceProcess start(String name, int port, Map<String, String> environment) {
        return start(name, port, environment, TEST_JVM);
    }

    public static ServiceProcess start(String name, int port, Map<String, String> environment,
                                       List<String> jvmOptions) {
        var jar = Path.of(System.getProperty("eventfold.jar." + name));
        var logs = Path.of(System.getProperty("eventfold.logs", "target/service-logs"));
        try {
            Files.createDirectories(logs);
            var log = logs.resolve(name + "-" + port + ".log");
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var command = new ArrayList<String>();
            command.add(java);
            // As the services run everywhere: out of memory, the JVM ends rather than running on half-dead.
            command.add("-XX:+ExitOnOutOfMemoryError");
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(ISSUER_ENVIRONMENT);
            // After the issuer's: a test may point a service at another key source.
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            return new ServiceProcess(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " from " + jar, e);
        }
    }

    /** Spring property names as the environment variables its relaxed binding reads them from. */
    static Map<String, String> environmentOf(Map<String, String> properties) {
        var environment = new HashMap<String, String>();
        properties.forEach((name, value) -> environment.put(
                name.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT), value));
        return Map.copyOf(environment);
    }

    public long pid() {
        return process.pid();
    }

    /** As the service calls itself: {@code command-service}, {@code projection-service}, {@code query-api}. */
    public String serviceName() {
        return name.equals("query") ? "query-api" : name + "-service";
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public ServiceProcess awaitHealthy(Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            requireAlive();
            if (healthy()) {
                return this;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "\n" + logTail());
    }

    /** Fails with the process's last words once it has exited: whoever waits on it would wait in vain. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + logTail());
        }
    }

    private boolean healthy() {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hooks, no flushing, like a machine losing power under the process. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    @Override
    public void close() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logTail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
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
