package io.eventfold.bench;

import io.eventfold.infra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database's side of a profile: every statement of the run by total execution time, per database, from
 * {@code pg_stat_statements}. The services' flight recordings show where they spend their CPU; this shows what
 * they ask of PostgreSQL, which shares the machine's cores with them.
 */
final class StatementProfile {

    private static final int TOP = 40;

    private StatementProfile() {
    }

    static void write(String url, Path file) {
        var jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, PostgresServer.USER, "", false));
        jdbc.execute("create extension if not exists pg_stat_statements");
        var lines = new ArrayList<String>();
        lines.add("share\ttotal ms\tcalls\tmean ms\trows\tdatabase\tstatement");
        jdbc.query("""
                        select 100 * s.total_exec_time / sum(s.total_exec_time) over (), s.total_exec_time,
                               s.calls, s.mean_exec_time, s.rows, d.datname,
                               regexp_replace(s.query, '\\s+', ' ', 'g')
                        from pg_stat_statements s join pg_database d on d.oid = s.dbid
                        order by s.total_exec_time desc limit ?""",
                rs -> {
                    var query = rs.getString(7);
                    lines.add("%.1f%%\t%.0f\t%d\t%.3f\t%d\t%s\t%s".formatted(rs.getDouble(1), rs.getDouble(2),
                            rs.getLong(3), rs.getDouble(4), rs.getLong(5), rs.getString(6),
                            query.length() > 300 ? query.substring(0, 300) + "…" : query));
                },
                TOP);
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("PostgreSQL statements by total time: %s%n", file);
    }
}
