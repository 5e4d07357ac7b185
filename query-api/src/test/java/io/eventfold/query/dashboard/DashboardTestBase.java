package io.eventfold.query.dashboard;

import io.eventfold.infra.HttpJson;
import io.eventfold.query.QueryApiTest;
import io.eventfold.query.ReadModelRows;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard endpoint's tests: the query API over an empty read model and an empty dashboard cache. */
@QueryApiTest
abstract class DashboardTestBase {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DashboardCache cache;

    HttpJson api;
    ReadModelRows rows;

    @BeforeEach
    void setUp() {
        api = new HttpJson("http://localhost:" + port);
        rows = new ReadModelRows(jdbc);
        rows.clear();
        // Tests reuse ids and tags for other content, which the projector never does.
        cache.clear();
    }
}
