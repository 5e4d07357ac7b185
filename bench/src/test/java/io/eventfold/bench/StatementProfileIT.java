package io.eventfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.Ports;
import io.eventfold.infra.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class StatementProfileIT {

    @TempDir
    Path directory;

    @Test
    void lists_the_statements_of_every_database_with_their_calls_busiest_first() throws Exception {
        try (var postgres = PostgresServer.start(directory.resolve("pg"), Ports.free(), true,
                Map.of("shared_preload_libraries", "pg_stat_statements"))) {
            var jdbc = new JdbcTemplate(new SingleConnectionDataSource(
                    postgres.ensureDatabase("profiled"), PostgresServer.USER, "", true));
            jdbc.execute("create table busy (id int)");
            for (int i = 0; i < 7; i++) {
                jdbc.update("insert into busy select generate_series(1, 20000)");
            }
            jdbc.queryForObject("select count(*) from busy where id = ?", Long.class, 3);
            var file = directory.resolve("statements.tsv");

            StatementProfile.write(postgres.jdbcUrl("postgres"), file);

            var lines = Files.readAllLines(file);
            assertThat(lines.get(0)).startsWith("share\ttotal ms\tcalls");
            // Which statement is busiest depends on the machine (a create database can outlast the inserts).
            var totals = lines.subList(1, lines.size()).stream().map(line -> Double.valueOf(line.split("\t")[1]))
                    .toList();
            assertThat(totals).isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(lines).anyMatch(line -> line.contains("\t7\t") && line.contains("\tprofiled\t")
                    && line.contains("insert into busy select generate_series($1, $2)"));
            assertThat(lines).anyMatch(line -> line.contains("\t1\t") && line.contains("from busy where id = $1"));
        }
    }
}
