package io.eventfold.projection.rebuild;

import io.eventfold.projection.engine.Generation;
import io.eventfold.projection.engine.Projection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compares what readers would see of two generations of a projection: the rows of each published table, matched
 * by primary key, each reduced to a checksum of the whole row (a dashboard's stored gzip document included: the
 * writer deflates the same document into the same bytes). Run while the two have applied the same positions.
 */
@Component
class GenerationComparison {

    /** Differing rows named in a summary: enough to start looking, short enough for a status line. */
    static final int SHOWN = 5;

    /** Rows that stand for nothing: readers sum the counts, and a count back to zero reads as no row at all. */
    private static final Map<String, String> NOTHING = Map.of("status_count", "conference_count = 0");

    private final JdbcTemplate jdbc;

    GenerationComparison(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Empty when every published table holds the same rows in both; else, per differing table, row counts and
     * the keys of the first differing rows (published tables are keyed by conference or organization: no
     * personal data), never their contents.
     */
    Optional<String> differences(Projection projection, Generation live, Generation next) {
        var summary = projection.definition().publishedTables().stream()
                .map(table -> difference(table, live, next))
                .flatMap(Optional::stream)
                .collect(Collectors.joining("; "));
        return summary.isEmpty() ? Optional.empty() : Optional.of(summary);
    }

    private Optional<String> difference(String table, Generation live, Generation next) {
        String key = "row(" + String.join(", ", primaryKey(live.table(table))) + ")::text";
        String counted = NOTHING.containsKey(table) ? " where not (" + NOTHING.get(table) + ")" : "";
        return jdbc.queryForObject("""
                        with l as (select %1$s as k, md5(t::text) as h from %2$s t%4$s),
                             n as (select %1$s as k, md5(t::text) as h from %3$s t%4$s),
                             d as (select k from l full join n using (k) where l.h is distinct from n.h)
                        select (select count(*) from l), (select count(*) from n), (select count(*) from d),
                               (select string_agg(k, ', ') from (select k from d order by k limit %5$d) f)"""
                        .formatted(key, live.table(table), next.table(table), counted, SHOWN),
                (rs, n) -> rs.getLong(3) == 0 ? Optional.empty() : Optional.of(
                        "%s: %d rows in generation %d, %d in generation %d, %d differ, first: %s".formatted(table,
                                rs.getLong(1), live.number(), rs.getLong(2), next.number(), rs.getLong(3),
                                rs.getString(4))));
    }

    private List<String> primaryKey(String table) {
        return jdbc.queryForList("""
                        select a.attname from pg_index i
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                        where i.indrelid = ?::regclass and i.indisprimary
                        order by array_position(i.indkey::int2[], a.attnum)""", String.class, table);
    }
}
