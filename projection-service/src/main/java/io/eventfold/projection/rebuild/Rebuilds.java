package io.eventfold.projection.rebuild;

import io.eventfold.projection.engine.Generation;
import io.eventfold.projection.engine.GenerationStore;
import io.eventfold.projection.engine.GenerationStore.Row;
import io.eventfold.projection.engine.GenerationStore.State;
import io.eventfold.projection.engine.Projection;
import io.eventfold.projection.engine.Threads;
import jakarta.annotation.PreDestroy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Starts, resumes, cancels and force-switches rebuilds, and rolls back switches. On start-up it resumes a rebuild
 * that a crash interrupted (not one that stopped at MISMATCH: that waits for an operator), and rebuilds every
 * projection whose code declares a newer version than its live generation was built with.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final int SWITCH_ATTEMPTS = 40;

    private final List<Projection> projections;
    private final GenerationStore generations;
    private final GenerationSwitch generationSwitch;
    private final RebuildRuns runners;
    private final TopicEnds topic;
    private final Map<String, RebuildRun> runs = new ConcurrentHashMap<>();

    Rebuilds(List<Projection> projections, GenerationStore generations, GenerationSwitch generationSwitch,
             RebuildRuns runners, TopicEnds topic) {
        this.projections = projections;
        this.generations = generations;
        this.generationSwitch = generationSwitch;
        this.runners = runners;
        this.topic = topic;
    }

    public List<Projection> projections() {
        return projections;
    }

    public Projection projection(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new ProjectionNotFoundException("No projection " + name + "; there are "
                        + projections.stream().map(Projection::name).toList()));
    }

    /** Starts building the next generation of the projection; 409 if one is being built. */
    public Generation start(String name) {
        var projection = projection(name);
        var generation = generationSwitch.create(projection, topic.partitions());
        log.info("Rebuilding {} into generation {} (version {})", name, generation.number(),
                projection.definition().version());
        launch(projection, generation);
        return generation;
    }

    /** Stops the rebuild and removes its unfinished generation, leaving only a log line. */
    public void cancel(String name) {
        var projection = projection(name);
        var building = building(name).orElseThrow(() -> notRebuilding(name));
        var run = runs.remove(name);
        if (run != null) {
            run.stop();
        }
        generationSwitch.discard(projection, building.generation(), null);
        log.info("Cancelled the rebuild of {} into generation {}{}; its tables are dropped", name,
                building.generation().number(),
                run == null ? "" : " at " + run.progress().processed() + "/" + run.progress().total() + " records");
    }

    /** Switches in a generation that stopped at MISMATCH despite its differences; 409 if none did. */
    public Generation forceSwitch(String name) {
        var projection = projection(name);
        var building = building(name).orElseThrow(() -> notRebuilding(name)).generation();
        if (generationSwitch.mismatch(building).isEmpty()) {
            throw new SwitchRefusedException("No mismatch", "Generation " + building.number() + " of " + name
                    + " is still being built; it switches by itself once it matches the live generation");
        }
        var outcome = decided(() -> generationSwitch.trySwitch(projection, building, topic.partitions(), true));
        if (outcome == GenerationSwitch.Outcome.GONE) {
            throw notRebuilding(name);
        }
        return building;
    }

    /** Switches back to the generation the last switch retired, while it is kept; returns it. */
    public Generation rollBack(String name) {
        var projection = projection(name);
        decided(() -> generationSwitch.rollBack(projection, topic.partitions()));
        return generations.live(name).orElseThrow().generation();
    }

    /** Tries a switch until readers let it through (each try holds them back at most briefly). */
    private static GenerationSwitch.Outcome decided(Supplier<GenerationSwitch.Outcome> step) {
        for (int attempt = 1; attempt <= SWITCH_ATTEMPTS; attempt++) {
            var outcome = step.get();
            if (outcome != GenerationSwitch.Outcome.NOT_YET) {
                return outcome;
            }
            Threads.sleep(GenerationSwitch.READER_PAUSE.toMillis());
        }
        var busy = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
        busy.getBody().setTitle("Switch gave way");
        busy.getBody().setDetail("Readers or the live stream kept the switch waiting; nothing changed, try again");
        throw busy;
    }

    /** The running rebuild's progress here, if this instance runs it. */
    Optional<RebuildRun.Progress> localProgress(Generation generation) {
        var run = runs.get(generation.projection());
        return run != null && run.generation().equals(generation) && run.isAlive()
                ? Optional.of(run.progress()) : Optional.empty();
    }

    Optional<Row> building(String name) {
        return generations.of(name, false).stream().filter(r -> r.state() == State.BUILDING).findFirst();
    }

    static ProjectionNotFoundException notRebuilding(String name) {
        return new ProjectionNotFoundException("No rebuild of " + name + " is running");
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeOrUpgrade() {
        for (var projection : projections) {
            var building = building(projection.name());
            var mismatch = building.filter(b -> b.version() == projection.definition().version())
                    .flatMap(b -> generationSwitch.mismatch(b.generation()));
            if (mismatch.isPresent()) {
                log.warn("{} generation {} waits for an operator: its rows differ from the live generation's ({})",
                        projection.name(), building.get().generation().number(), mismatch.get());
            } else if (building.isPresent() && building.get().version() == projection.definition().version()) {
                log.info("Resuming the rebuild of {} into generation {}", projection.name(),
                        building.get().generation().number());
                launch(projection, building.get().generation());
            } else if (building.isPresent()) {
                log.info("Restarting the rebuild of {}: it was started by version {}, this is version {}",
                        projection.name(), building.get().version(), projection.definition().version());
                generationSwitch.discard(projection, building.get().generation(), null);
                startQuietly(projection.name());
            } else if (generations.live(projection.name()).filter(l -> l.version() < projection.definition().version())
                    .isPresent()) {
                log.info("{} version {} is newer than its live generation's; rebuilding", projection.name(),
                        projection.definition().version());
                startQuietly(projection.name());
            }
        }
    }

    private void startQuietly(String name) {
        try {
            start(name);
        } catch (RebuildConflictException anotherInstanceStartedIt) {
            log.info("{} is already being rebuilt", name);
        }
    }

    private void launch(Projection projection, Generation generation) {
        runs.put(projection.name(), runners.start(projection, generation, new RebuildRun.Handover() {
            @Override
            public GenerationSwitch.Outcome trySwitch(Collection<TopicPartition> partitions) {
                var outcome = generationSwitch.trySwitch(projection, generation, partitions, false);
                if (RebuildRun.ends(outcome)) {
                    runs.remove(projection.name());
                }
                return outcome;
            }

            @Override
            public void failed(RuntimeException cause) {
                runs.remove(projection.name());
                generationSwitch.discard(projection, generation, String.valueOf(cause));
            }
        }));
    }

    /** Shutting down stops the runs but keeps their generations: the next start resumes them. */
    @PreDestroy
    void stopRuns() {
        runs.values().forEach(RebuildRun::stop);
    }
}
