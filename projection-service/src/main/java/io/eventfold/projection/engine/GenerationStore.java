package io.eventfold.projection.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which generation of each projection is live and which is being built. Every batch reads this under a share
 * lock, so that a switch (which updates these rows) waits for running batches and is seen by the next ones.
 */
@Component
public class GenerationStore {

    public enum State { LIVE, BUILDING, RETIRED, FAILED }

    public record Row(Generation generation, int version, State state, Instant createdAt, Instant switchedAt,
                      String error, Long records) {
    }

    private static final String COLUMNS =
            "projection, generation, version, state, created_at, switched_at, error, records";

    private final JdbcTemplate jdbc;

    GenerationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An active generation, and whether any conference of it waits behind a parked dead letter. */
    record Active(Row row, boolean anyParked) {
    }

    /**
     * The live and building generations, and a retired one still kept for a rollback (written like a building
     * one). Whether each has parked dead letters comes along, so that a batch asks which of its conferences
     * are held back only when some are (a statement less per batch otherwise).
     */
    List<Active> lockActive() {
        return jdbc.query("""
                select %s, exists(select 1 from dead_letter d
                                  where d.projection = g.projection and d.generation = g.generation
                                    and d.state = 'PARKED')
                from projection_generation g
                where state in ('LIVE', 'BUILDING') or state = 'RETIRED' and dropped_at is null
                order by projection, generation for share of g"""
                        .formatted(COLUMNS),
                (rs, n) -> new Active(row(rs, n), rs.getBoolean(9)));
    }

    /** Whether the generation is still being built, holding it so that a cancel waits for this batch. */
    boolean lockBuilding(Generation generation) {
        return !jdbc.query("""
                        select %s from projection_generation
                        where projection = ? and generation = ? and state = 'BUILDING' for share""".formatted(COLUMNS),
                this::row,
                generation.projection(), generation.number()).isEmpty();
    }

    /** Rows of one projection, newest generation first; locked for update when switching or cancelling. */
    public List<Row> of(String projection, boolean forUpdate) {
        return jdbc.query("select " + COLUMNS + " from projection_generation "
                + "where projection = ? order by generation desc" + (forUpdate ? " for update" : ""), this::row,
                projection);
    }

    public Optional<Row> live(String projection) {
        return of(projection, false).stream().filter(r -> r.state() == State.LIVE).findFirst();
    }

    /** A projection that has no generation yet starts at generation 1, whose tables its migrations made. */
    void register(Projection projection) {
        jdbc.update("""
                insert into projection_generation (projection, generation, version, state, switched_at)
                values (?, 1, ?, 'LIVE', now()) on conflict do nothing""",
                projection.name(), projection.definition().version());
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new Generation(rs.getString(1), rs.getInt(2)), rs.getInt(3), State.valueOf(rs.getString(4)),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getString(7), (Long) rs.getObject(8));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
