package io.eventfold.projection.rebuild;

import io.eventfold.projection.engine.ConsumerProperties;
import io.eventfold.projection.engine.GenerationStore;
import io.eventfold.projection.engine.GenerationStore.Row;
import io.eventfold.projection.engine.GenerationStore.State;
import io.eventfold.projection.engine.OffsetStore;
import io.eventfold.projection.engine.Projection;
import io.eventfold.projection.engine.ProjectionMetrics;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What operators see of the projections and their rebuilds, from the database and the topic, so that any
 * instance can answer (rates come from the instance that does the work, when it is this one).
 */
@Component
public class ProjectionOverview {

    private final Rebuilds rebuilds;
    private final GenerationStore generations;
    private final OffsetStore offsets;
    private final TopicEnds topic;
    private final ProjectionMetrics metrics;
    private final JdbcTemplate jdbc;
    private final GenerationSwitch generationSwitch;
    private final String liveConsumer;

    ProjectionOverview(Rebuilds rebuilds, GenerationStore generations, OffsetStore offsets, TopicEnds topic,
                       ProjectionMetrics metrics, JdbcTemplate jdbc, GenerationSwitch generationSwitch,
                       ConsumerProperties consumer) {
        this.generationSwitch = generationSwitch;
        this.rebuilds = rebuilds;
        this.generations = generations;
        this.offsets = offsets;
        this.topic = topic;
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.liveConsumer = consumer.consumerName();
    }

    private record LiveOffsets(long consumed, long appliedPosition, long completePosition) {
    }

    public List<ProjectionStatus> projections() {
        long ends = topic.ends().values().stream().mapToLong(Long::longValue).sum();
        var live = jdbc.queryForObject("""
                        select coalesce(sum(next_offset), 0), coalesce(max(global_position), 0),
                               coalesce(min(watermark), 0)
                        from projection_offset where projection = ?""",
                (rs, n) -> new LiveOffsets(rs.getLong(1), rs.getLong(2), rs.getLong(3)), liveConsumer);
        return rebuilds.projections().stream().map(p -> status(p, live, Math.max(0, ends - live.consumed())))
                .toList();
    }

    private record Parked(long conferences, long events) {
    }

    private ProjectionStatus status(Projection projection, LiveOffsets live, long unread) {
        var rows = generations.of(projection.name(), false);
        var current = rows.stream().filter(r -> r.state() == State.LIVE).findFirst().orElseThrow();
        var parked = jdbc.queryForObject("""
                        select count(distinct conference_id), count(*) from dead_letter
                        where projection = ? and generation = ? and state = 'PARKED'""",
                (rs, n) -> new Parked(rs.getLong(1), rs.getLong(2)), projection.name(),
                current.generation().number());
        long lagEvents = unread + parked.events();
        var rebuild = rows.stream().filter(r -> r.state() == State.BUILDING).findFirst().map(this::rebuild);
        var failed = !rows.isEmpty() && rows.get(0).state() == State.FAILED;
        var state = rebuild.isPresent() ? rebuild.get().state() : failed ? "FAILED" : "LIVE";
        return new ProjectionStatus(projection.name(), projection.definition().version(),
                current.generation().number(),
                current.version(), state, live.appliedPosition(), live.completePosition(), lagEvents,
                unread == 0 ? 0 : metrics.lagMillis(), metrics.eventsPerSecond(), parked.conferences(),
                rebuild.orElse(null));
    }

    /** The running rebuild, or else the last one (switched or failed); 404 if it never was rebuilt. */
    public RebuildStatus rebuild(String name) {
        rebuilds.projection(name);
        return generations.of(name, false).stream()
                .filter(r -> r.state() != State.RETIRED && r.generation().number() > 1)
                .findFirst()
                .map(this::rebuild)
                .orElseThrow(() -> new ProjectionNotFoundException("No rebuild of " + name + " has run"));
    }

    private RebuildStatus rebuild(Row row) {
        var g = row.generation();
        var mismatch = generationSwitch.mismatch(g).orElse(null);
        if (row.state() != State.BUILDING) {
            long records = row.records() == null ? 0 : row.records();
            return RebuildStatus.of(g.projection(), g.number(), row.version(),
                    row.state() == State.LIVE ? "SWITCHED" : row.state().name(), records, records, null,
                    row.createdAt(), row.switchedAt(), row.error(), mismatch);
        }
        if (mismatch != null) {
            long records = offsets.load(g.offsetsName(), topic.partitions()).values().stream()
                    .mapToLong(Long::longValue).sum();
            return RebuildStatus.of(g.projection(), g.number(), row.version(), "MISMATCH", records, records, null,
                    row.createdAt(), null, null, mismatch);
        }
        var local = rebuilds.localProgress(g);
        long processed;
        long total;
        Double rate = null;
        if (local.isPresent() && local.get().total() > 0) {
            processed = local.get().processed();
            total = local.get().total();
            rate = local.get().eventsPerSecond();
        } else {
            var partitions = topic.partitions();
            processed = offsets.load(g.offsetsName(), partitions).values().stream().mapToLong(Long::longValue).sum();
            total = Math.max(processed, topic.ends().values().stream().mapToLong(Long::longValue).sum());
        }
        return RebuildStatus.of(g.projection(), g.number(), row.version(), "REBUILDING", processed, total, rate,
                row.createdAt(), null, null, null);
    }
}
