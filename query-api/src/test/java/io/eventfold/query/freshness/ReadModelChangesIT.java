package io.eventfold.query.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.query.QueryApiTest;
import io.eventfold.query.ReadModelRows;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The read model's commits reach the query API as notifications, from the projector's own schema. */
@QueryApiTest
class ReadModelChangesIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    private final LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private ReadModelChanges changes;

    @AfterEach
    void close() {
        changes.close();
    }

    @Test
    void a_projector_batch_and_a_generation_switch_are_each_heard_once_committed() throws Exception {
        given(dataSource);
        assertThat(next()).isEqualTo("listening");
        assertThat(next()).as("a first look, for what committed before listening").isEqualTo("changed");

        new ReadModelRows(jdbc).watermark(0, 42);
        assertThat(next()).isEqualTo("changed");
        jdbc.sql("update projection_generation set records = records").update();
        assertThat(next()).isEqualTo("changed");

        jdbc.sql("select count(*) from projection_offset").query(Long.class).single();
        assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).as("a read changes nothing").isNull();
    }

    @Test
    void a_lost_connection_is_replaced_and_listened_on_again() throws Exception {
        given(dataSource);
        assertThat(next()).isEqualTo("listening");
        assertThat(next()).isEqualTo("changed");

        jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen read_model_changed'")
                .query(Boolean.class).list();

        assertThat(next()).isEqualTo("not listening");
        assertThat(nextOtherThan("not listening")).as("the pool may first hand back the dead connection")
                .isEqualTo("listening");
        assertThat(next()).isEqualTo("changed");
        new ReadModelRows(jdbc).watermark(1, 7);
        assertThat(next()).isEqualTo("changed");
    }

    @Test
    void a_database_it_cannot_listen_to_leaves_waiters_polling() throws Exception {
        given(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none"));

        assertThat(next()).isEqualTo("not listening");
    }

    private void given(DataSource source) {
        changes = new ReadModelChanges(source, new ReadModelChanges.Listener() {
            @Override
            public void listening(boolean listening) {
                heard.add(listening ? "listening" : "not listening");
            }

            @Override
            public void changed() {
                heard.add("changed");
            }
        }, Duration.ofMillis(50));
    }

    private String next() throws InterruptedException {
        return heard.poll(5, TimeUnit.SECONDS);
    }

    private String nextOtherThan(String repeated) throws InterruptedException {
        String next;
        do {
            next = next();
        } while (repeated.equals(next));
        return next;
    }
}
