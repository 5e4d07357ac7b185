package io.eventfold.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventfold.infra.TestInfrastructure;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Migrations of a read model whose dashboard was rebuilt once (generation 2 live) before V9. */
class ReadModelMigrationTest {

    private final SimpleDriverDataSource database = new SimpleDriverDataSource(new org.postgresql.Driver(),
            TestInfrastructure.get().newDatabase(), TestInfrastructure.get().username(), "");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    @Test
    void ids_of_whichever_generation_is_live_compare_as_bytes_and_the_views_still_read_them() {
        // given
        dashboardRebuiltOnceAtV8();

        // when
        migrateTo("latest");

        // then
        assertThat(collationOf("dashboard_g2", "event_id")).isEqualTo("C");
        assertThat(collationOf("dashboard_g2", "organization_id")).isEqualTo("C");
        assertThat(collationOf("dashboard_registration_g2", "registration_id")).isEqualTo("C");
        assertThat(collationOf("status_count_g1", "organization_id")).isEqualTo("C");
        assertThat(collationOf("status_of_event_g1", "event_id")).isEqualTo("C");
        assertThat(collationOf("dashboard_g1", "event_id")).as("a retired generation is left alone")
                .isNotEqualTo("C");
        assertThat(collationOf("dashboard", "event_id")).isEqualTo("C");
        assertThat(jdbc.queryForList("select event_id from dashboard", String.class)).containsExactly("devconf-2027");
        assertThat(jdbc.queryForList("select organization_id from status_count", String.class)).isEmpty();
    }

    @Test
    void the_live_registration_table_keeps_only_its_primary_key_at_v10() {
        // given
        dashboardRebuiltOnceAtV8();
        assertThat(indexesOf("dashboard_registration_g2")).hasSize(2);

        // when
        migrateTo("12");

        // then
        assertThat(indexesOf("dashboard_registration_g2")).containsExactly("dashboard_registration_g2_pkey");
        assertThat(indexesOf("dashboard_registration_g1")).as("a retired generation is left alone").hasSize(2);
    }

    @Test
    void the_live_registrations_are_indexed_by_conference_alone_and_gain_a_table_of_cancellations() {
        // given
        dashboardRebuiltOnceAtV8();
        jdbc.update("insert into dashboard_registration_g2 values ('devconf-2027', 'r1', 'u1', 'Ann', 'a@x.org', "
                + "'ATTENDEE', now(), 2, false)");

        // when
        migrateTo("latest");

        // then
        assertThat(indexesOf("dashboard_registration_g2")).containsExactly("dashboard_registration_g2_event_idx");
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class,
                "dashboard_registration_g2_event_idx")).endsWith("USING btree (event_id)");
        assertThat(jdbc.queryForObject("select active from dashboard_registration_g2", Boolean.class))
                .as("a row cancelled before keeps its flag").isFalse();
        jdbc.update("insert into dashboard_cancellation_g2 values ('devconf-2027', 'r1')");
        assertThatThrownBy(() -> jdbc.update("insert into dashboard_cancellation_g2 values ('devconf-2027', 'r1')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(collationOf("dashboard_cancellation_g2", "registration_id")).isEqualTo("C");
        assertThat(indexesOf("dashboard_registration_g1")).as("a retired generation is left alone").hasSize(2);
        assertThat(indexesOf("dashboard_cancellation_g1")).isEmpty();
    }

    @Test
    void live_dashboard_rows_leave_room_for_their_next_version_and_keep_the_text_uncompressed() {
        // given
        dashboardRebuiltOnceAtV8();

        // when
        migrateTo("latest");

        // then
        assertThat(jdbc.queryForObject("select reloptions::text from pg_class where relname = 'dashboard_g2'",
                String.class)).isEqualTo("{fillfactor=50}");
        assertThat(jdbc.queryForList("select attname || '=' || attstorage from pg_attribute where attrelid = "
                + "'dashboard_g2'::regclass and attname like 'document%' order by 1", String.class))
                .containsExactly("document=e", "document_gzip=e");
        assertThat(jdbc.queryForObject("select reloptions::text from pg_class where relname = 'dashboard_g1'",
                String.class)).as("a retired generation is left alone").isNull();
    }

    @Test
    void live_dashboard_rows_may_hold_only_the_compressed_document_but_not_neither_form() {
        // given
        dashboardRebuiltOnceAtV8();

        // when
        migrateTo("latest");

        // then
        assertThat(jdbc.queryForObject("select document from dashboard where event_id = 'devconf-2027'",
                String.class)).as("a row written before keeps its text").isEqualTo("{}");
        jdbc.update("update dashboard_g2 set document = null, document_gzip = '\\x1f8b'");
        assertThatThrownBy(() -> jdbc.update("update dashboard_g2 set document_gzip = null"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("dashboard_document_present");
    }

    /** The read model at V8, its dashboard rebuilt once: generation 2 live, holding a row; generation 1 retired. */
    private void dashboardRebuiltOnceAtV8() {
        migrateTo("8");
        jdbc.execute("update projection_generation set state = 'RETIRED' where projection = 'dashboard'");
        jdbc.execute("insert into projection_generation (projection, generation, version, state) "
                + "values ('dashboard', 2, 1, 'LIVE')");
        jdbc.execute("create table dashboard_g2 (like dashboard_g1 including all)");
        jdbc.execute("create table dashboard_registration_g2 (like dashboard_registration_g1 including all)");
        jdbc.execute("create or replace view dashboard as select * from dashboard_g2");
        jdbc.execute("""
                insert into dashboard_g2 (event_id, organization_id, name, status, start_date, end_date, capacity,
                                          attendee_count, session_count, speaker_count, version, document, etag)
                values ('devconf-2027', 'acme', 'DevConf', 'PUBLISHED', '2027-03-01', '2027-03-03', 100, 0, 0, 0,
                        1, '{}', '"1-0"')""");
    }

    private List<String> indexesOf(String table) {
        return jdbc.queryForList("select indexname from pg_indexes where tablename = ? order by 1", String.class,
                table);
    }

    private void migrateTo(String version) {
        Flyway.configure().dataSource(database).locations("classpath:db/readmodel").target(version).load().migrate();
    }

    private String collationOf(String table, String column) {
        return jdbc.queryForObject("""
                select c.collname from pg_attribute a
                join pg_class t on t.oid = a.attrelid
                join pg_collation c on c.oid = a.attcollation
                where t.relname = ? and a.attname = ?""", String.class, table, column);
    }
}
