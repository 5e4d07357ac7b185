package io.eventfold.projection.rebuild;

import io.eventfold.projection.engine.Generation;
import io.eventfold.projection.engine.GenerationStore;
import io.eventfold.projection.engine.GenerationStore.Row;
import io.eventfold.projection.engine.GenerationStore.State;
import io.eventfold.projection.engine.Projection;
import jakarta.annotation.PreDestroy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts, resumes and cancels rebuilds. On start-up it resumes a rebuild that a crash interrupted, and
 * rebuilds every projection whose code declares a newer version than its live generation was built with.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

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
            if (building.isPresent() && building.get().version() == projection.definition().version()) {
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
            public boolean trySwitch(Collection<TopicPartition> partitions) {
                var outcome = generationSwitch.trySwitch(projection, generation, partitions);
                if (outcome != GenerationSwitch.Outcome.NOT_YET) {
                    runs.remove(projection.name());
                }
                return outcome != GenerationSwitch.Outcome.NOT_YET;
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
