package io.eventfold.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.infra.HttpJson;
import io.eventfold.query.QueryApiTest;
import io.eventfold.query.ReadModelRows;
import io.eventfold.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@QueryApiTest
class StatusCountApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpJson api;

    @BeforeEach
    void setUp() {
        api = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.organizer("acme", "globex"));
        var rows = new ReadModelRows(jdbc);
        rows.clear();
        rows.statusCount("acme", "DRAFT", 2);
        rows.statusCount("acme", "CANCELLED", 1);
        rows.statusCount("globex", "DRAFT", 5);
    }

    @Test
    void all_four_statuses_in_lifecycle_order_with_zeros() {
        var counts = api.get("/api/events/stats/by-status?org_id=acme").json();

        assertThat(counts.findValuesAsString("status")).containsExactly("DRAFT", "PUBLISHED", "COMPLETED",
                "CANCELLED");
        assertThat(counts.findValues("count")).extracting(n -> n.asLong()).containsExactly(2L, 0L, 0L, 1L);
    }

    @Test
    void without_an_organization_the_counts_add_up_over_all() {
        var counts = api.get("/api/events/stats/by-status").json();

        assertThat(counts.findValues("count")).extracting(n -> n.asLong()).containsExactly(7L, 0L, 0L, 1L);
    }
}
