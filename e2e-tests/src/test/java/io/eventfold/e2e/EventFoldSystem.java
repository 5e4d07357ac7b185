package io.eventfold.e2e;

import io.eventfold.infra.Ports;
import io.eventfold.infra.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system for one test class: fresh database and topic on the shared test servers, and the three
 * services as processes wired to them exactly as {@code ./eventfold run} wires them.
 */
final class EventFoldSystem implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, String> environment;
    private final List<ServiceProcess> running = new ArrayList<>();
    private ServiceProcess command;
    private ServiceProcess projection;
    private ServiceProcess query;

    private EventFoldSystem(Map<String, String> environment) {
        this.environment = environment;
    }

    static EventFoldSystem start() {
        var infra = TestInfrastructure.get();
        var environment = new HashMap<String, String>();
        environment.put("SPRING_DATASOURCE_URL", infra.newDatabase());
        environment.put("SPRING_DATASOURCE_USERNAME", infra.username());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
        environment.put("EVENTFOLD_TOPIC_NAME", infra.newTopic());
        var system = new EventFoldSystem(Map.copyOf(environment));
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "eventfold-system-stop"));
        try {
            // The projector owns the read-model schema, so the query API starts once it is up.
            var commandStart = CompletableFuture.supplyAsync(() -> system.launch("command"));
            system.projection = system.launch("projection");
            system.query = system.launch("query");
            system.command = commandStart.join();
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private ServiceProcess launch(String name) {
        var process = ServiceProcess.start(name, Ports.free(), environment);
        synchronized (running) {
            running.add(process);
        }
        return process.awaitHealthy(START_TIMEOUT);
    }

    String commandUrl() {
        return command.baseUrl();
    }

    String queryUrl() {
        return query.baseUrl();
    }

    String projectionUrl() {
        return projection.baseUrl();
    }

    /** kill -9 of the projector, then a fresh one on the same database and topic. */
    void killAndRestartProjection() {
        projection.kill();
        synchronized (running) {
            running.remove(projection);
        }
        projection = launch("projection");
    }

    @Override
    public void close() {
        synchronized (running) {
            running.forEach(ServiceProcess::close);
            running.clear();
        }
    }
}
