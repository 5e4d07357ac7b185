package io.eventfold.e2e;

import io.eventfold.infra.Ports;
import io.eventfold.infra.TestInfrastructure;
import io.eventfold.testsupport.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The system for one test class: a fresh database and topic on the shared test servers, and the services
 * as processes wired to them exactly as {@code ./eventfold run} wires them.
 */
final class EventFoldSystem implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    enum Service {
        COMMAND("command"), PROJECTION("projection"), QUERY("query");

        final String jar;

        Service(String jar) {
            this.jar = jar;
        }
    }

    private volatile Map<String, String> environment;
    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
    private final List<ServiceProcess> others = new ArrayList<>();

    private EventFoldSystem(Map<String, String> environment) {
        this.environment = environment;
    }

    static EventFoldSystem start() {
        return start(EnumSet.allOf(Service.class));
    }

    static EventFoldSystem start(Set<Service> services) {
        return start(services, Map.of());
    }

    /** With extra environment for the services, as an operator would set it. */
    static EventFoldSystem start(Set<Service> services, Map<String, String> settings) {
        var infra = TestInfrastructure.get();
        var environment = new HashMap<String, String>();
        environment.put("SPRING_DATASOURCE_URL", infra.newDatabase());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
        environment.put("EVENTFOLD_TOPIC_NAME", infra.newTopic());
        environment.putAll(settings);
        return launch(services, environment);
    }

    /** On servers of the test's own: {@code infrastructure} names the database and the broker. */
    static EventFoldSystem startOn(Map<String, String> infrastructure) {
        var environment = new HashMap<>(infrastructure);
        environment.put("EVENTFOLD_TOPIC_NAME", "events");
        return launch(EnumSet.allOf(Service.class), environment);
    }

    private static EventFoldSystem launch(Set<Service> services, Map<String, String> environment) {
        // Every test client reads as one organizer (Tokens), so one caller's budget of searches and counts would
        // be the whole suite's; the write limits stay as shipped (RateLimitIT).
        environment.putIfAbsent("EVENTFOLD_LIMITS_READS_PER_SECOND", "0");
        var system = new EventFoldSystem(Map.copyOf(environment));
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "eventfold-system-stop"));
        try {
            var command = services.contains(Service.COMMAND)
                    ? CompletableFuture.runAsync(() -> system.launch(Service.COMMAND))
                    : CompletableFuture.completedFuture(null);
            // The projector owns the read-model schema, so the query API starts once it is up.
            if (services.contains(Service.PROJECTION)) {
                system.launch(Service.PROJECTION);
            }
            if (services.contains(Service.QUERY)) {
                system.launch(Service.QUERY);
            }
            command.join();
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void launch(Service service) {
        var process = ServiceProcess.start(service.jar, Ports.free(), environment);
        synchronized (running) {
            running.put(service, process);
        }
        process.awaitHealthy(START_TIMEOUT);
    }

    /** Fails while the service is being restarted: it has no process, and its next one a new port. */
    String url(Service service) {
        synchronized (running) {
            var process = running.get(service);
            if (process == null) {
                throw new IllegalStateException(service + " is not running");
            }
            return process.baseUrl();
        }
    }

    String databaseUrl() {
        return environment.get("SPRING_DATASOURCE_URL");
    }

    String topic() {
        return environment.get("EVENTFOLD_TOPIC_NAME");
    }

    /** kill -9, then a fresh process of the same service on the same database and topic. */
    void killAndRestart(Service service) {
        ServiceProcess killed;
        synchronized (running) {
            killed = running.remove(service);
        }
        killed.kill();
        launch(service);
    }

    /**
     * Stops the services (as an operator would: SIGTERM), then starts them again with the settings changed; the
     * query API is left running. Between the two, {@code whileStopped} runs (a step of a procedure).
     */
    void restartWith(Map<String, String> changes, Runnable whileStopped, Service... services) {
        for (var service : services) {
            ServiceProcess stopped;
            synchronized (running) {
                stopped = running.remove(service);
            }
            stopped.close();
        }
        whileStopped.run();
        var changed = new HashMap<>(environment);
        changed.putAll(changes);
        environment = Map.copyOf(changed);
        for (var service : services) {
            launch(service);
        }
    }

    /** Another process of the service on the same database and topic, as a scaled-out deploy runs it. */
    ServiceProcess launchAnother(Service service) {
        var process = ServiceProcess.start(service.jar, Ports.free(), environment);
        synchronized (others) {
            others.add(process);
        }
        return process.awaitHealthy(START_TIMEOUT);
    }

    /** The process of the service this system started first. */
    long pid(Service service) {
        synchronized (running) {
            return running.get(service).pid();
        }
    }

    /**
     * For after-hooks: closes the oracle, then the system even if that failed. Either is null when the system
     * did not start; JUnit reports that failure from the before-hook.
     */
    static void close(Oracle oracle, EventFoldSystem system) {
        try {
            if (oracle != null) {
                oracle.close();
            }
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    /**
     * SIGTERM to every process at once, then waits for all: one after another, their graceful shutdowns added up
     * to more than the 30 s Failsafe gives a test JVM to exit, which then left a service running.
     */
    @Override
    public void close() {
        var stopping = new ArrayList<ServiceProcess>();
        synchronized (others) {
            stopping.addAll(others);
            others.clear();
        }
        synchronized (running) {
            stopping.addAll(running.values());
            running.clear();
        }
        CompletableFuture.allOf(stopping.stream()
                .map(process -> CompletableFuture.runAsync(process::close))
                .toArray(CompletableFuture[]::new)).join();
    }
}
