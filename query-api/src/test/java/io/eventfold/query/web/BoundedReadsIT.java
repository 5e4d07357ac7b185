package io.eventfold.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.HttpJson;
import io.eventfold.infra.PostgresServer;
import io.eventfold.query.QueryApiTest;
import io.eventfold.testsupport.TestIssuer;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A read that the database keeps waiting (a table locked by someone else) ends at the statement timeout: 503. */
@QueryApiTest
class BoundedReadsIT {

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String url;

    @Test
    void a_read_blocked_by_a_lock_answers_503_at_the_statement_timeout_instead_of_holding_its_thread()
            throws Exception {
        var api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme"));
        try (var locker = DriverManager.getConnection(url, PostgresServer.USER, "")) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("lock table read_model.status_count_g1 in access exclusive mode");
            long started = System.nanoTime();

            var blocked = api.get("/api/events/stats/by-status?org_id=acme");

            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("A read behind a lock answered %d after %d ms%n", blocked.status(), millis);
            assertThat(blocked.status()).as(blocked.toString()).isEqualTo(503);
            assertThat(blocked.contentType()).startsWith("application/problem+json");
            assertThat(blocked.header("Retry-After")).isEqualTo("1");
            locker.rollback();
        }
        assertThat(api.get("/api/events/stats/by-status?org_id=acme").status()).isEqualTo(200);
    }
}
