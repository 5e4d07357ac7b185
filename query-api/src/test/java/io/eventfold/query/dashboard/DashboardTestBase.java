package io.eventfold.query.dashboard;

import io.eventfold.infra.HttpJson;
import io.eventfold.query.QueryApiTest;
import io.eventfold.query.ReadModelRows;
import io.eventfold.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard endpoint's tests: the query API over an empty read model and an empty dashboard cache. */
@QueryApiTest
abstract class DashboardTestBase {

    /** Tests read as an organizer of acme, the organization of their dashboards: the full document. */
    static final String ORGANIZER = TestIssuer.organizer("acme");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DashboardCache cache;

    HttpJson api;
    /** For the metrics, which only operators read. */
    HttpJson operator;
    ReadModelRows rows;

    @BeforeEach
    void setUp() {
        api = new HttpJson("http://localhost:" + port).withBearer(ORGANIZER);
        operator = new HttpJson(api.base()).withBearer(TestIssuer.operator());
        rows = new ReadModelRows(jdbc);
        rows.clear();
        // Tests reuse ids and tags for other content, which the projector never does.
        cache.clear();
    }
}
